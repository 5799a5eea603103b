package com.mspscorecard.voting;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import com.mspscorecard.users.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * SQL for polls, rosters, voters and ballots. Ballots are only ever read back aggregated (counts per
 * client and rank), never one by one, and voters never together with ballots; voters are only ever
 * counted, never listed.
 */
@Repository
class Polls {

    private static final String SELECT = """
            select id, title, opens_on, closes_on, picks, closed_early_on, announced, roster_taken_at, withdrawn
            from poll
            """;

    private static final RowMapper<Poll> POLL = (rs, n) -> new Poll(rs.getLong("id"), rs.getString("title"),
            rs.getObject("opens_on", LocalDate.class), rs.getObject("closes_on", LocalDate.class), rs.getInt("picks"),
            rs.getObject("closed_early_on", LocalDate.class), rs.getBoolean("announced"),
            instant(rs.getTimestamp("roster_taken_at")), rs.getBoolean("withdrawn"));

    private static final RowMapper<RosterEntry> ROSTER_ENTRY = (rs, n) -> new RosterEntry(rs.getLong("user_id"),
            rs.getString("display_name"), Role.valueOf(rs.getString("role")),
            rs.getTimestamp("account_created_at").toInstant());

    private final JdbcTemplate jdbc;

    Polls(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String title, LocalDate opensOn, LocalDate closesOn, int picks) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement s = c.prepareStatement(
                    "insert into poll (title, opens_on, closes_on, picks) values (?, ?, ?, ?)", new String[] { "id" });
            s.setString(1, title);
            s.setDate(2, Date.valueOf(opensOn));
            s.setDate(3, Date.valueOf(closesOn));
            s.setInt(4, picks);
            return s;
        }, key);
        return key.getKey().longValue();
    }

    List<Poll> all() {
        return jdbc.query(SELECT + " order by closes_on desc, id desc", POLL);
    }

    Optional<Poll> byId(long id) {
        return jdbc.query(SELECT + " where id = ?", POLL, id).stream().findFirst();
    }

    /** Locks the poll against closing until this transaction ends (votes take it in share mode). */
    Optional<Poll> byIdForVoting(long id) {
        return jdbc.query(SELECT + " where id = ? for share", POLL, id).stream().findFirst();
    }

    Optional<Poll> byIdForClosing(long id) {
        return jdbc.query(SELECT + " where id = ? for update", POLL, id).stream().findFirst();
    }

    void closeEarly(long id, LocalDate today) {
        jdbc.update("update poll set closed_early_on = ?, announced = true where id = ?", Date.valueOf(today), id);
    }

    /**
     * Closes a poll before everyone on its roster has voted. Its ballots are deleted unread, so there
     * is no early moment the owner could choose at which the results would single anybody out.
     */
    void withdraw(long id, LocalDate today) {
        jdbc.update("update poll set closed_early_on = ?, withdrawn = true, announced = true where id = ?",
                Date.valueOf(today), id);
        jdbc.update("delete from ballot_pick p using ballot b where b.id = p.ballot_id and b.poll_id = ?", id);
        jdbc.update("delete from ballot where poll_id = ?", id);
    }

    /** Polls whose closing date has passed and whose closing nobody has announced yet, locked. */
    List<Poll> closedUnannounced(LocalDate today) {
        return jdbc.query(SELECT + " where not announced and closes_on < ? order by id for update skip locked", POLL,
                Date.valueOf(today));
    }

    void markAnnounced(long id) {
        jdbc.update("update poll set announced = true where id = ?", id);
    }

    /** Polls open by date whose roster has not been taken yet. */
    List<Poll> openWithoutRoster(LocalDate today) {
        return jdbc.query(SELECT + """
                where roster_taken_at is null and not withdrawn and closed_early_on is null
                and opens_on <= ? and closes_on >= ? order by id
                """, POLL, Date.valueOf(today), Date.valueOf(today));
    }

    void storeRoster(long pollId, List<RosterEntry> entries, Instant takenAt) {
        jdbc.batchUpdate("""
                insert into poll_roster (poll_id, user_id, display_name, role, account_created_at)
                values (?, ?, ?, ?, ?) on conflict do nothing
                """, entries.stream().map(e -> new Object[] { pollId, e.userId(), e.displayName(), e.role().name(),
                Timestamp.from(e.accountCreatedAt()) }).toList());
        jdbc.update("update poll set roster_taken_at = ? where id = ?", Timestamp.from(takenAt), pollId);
    }

    /** The roster, by name. */
    List<RosterEntry> roster(long pollId) {
        return jdbc.query("""
                select user_id, display_name, role, account_created_at from poll_roster where poll_id = ?
                order by lower(display_name), user_id
                """, ROSTER_ENTRY, pollId);
    }

    boolean onRoster(long pollId, long userId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from poll_roster where poll_id = ? and user_id = ?)", Boolean.class, pollId,
                userId));
    }

    /** Who voted in this poll before its roster was taken (polls opened before rosters existed). */
    List<Long> votersOffRoster(long pollId) {
        return jdbc.queryForList("""
                select user_id from poll_voter v where poll_id = ?
                and not exists (select 1 from poll_roster r where r.poll_id = v.poll_id and r.user_id = v.user_id)
                """, Long.class, pollId);
    }

    /** How many may vote, how many have, and how many of those are owners: counts only, never names. */
    Turnout turnout(long pollId) {
        return jdbc.queryForObject("""
                select (select count(*) from poll_roster where poll_id = ?) as roster,
                       (select count(*) from poll_voter where poll_id = ?) as voters,
                       (select count(*) from poll_voter v join poll_roster r using (poll_id, user_id)
                        where v.poll_id = ? and r.role = 'OWNER') as owner_voters
                """, (rs, n) -> new Turnout(rs.getInt("roster"), rs.getInt("voters"), rs.getInt("owner_voters")),
                pollId, pollId, pollId);
    }

    /** Marks the user as having voted; false when they already had. */
    boolean markVoter(long pollId, long userId) {
        return jdbc.update("insert into poll_voter (poll_id, user_id) values (?, ?) on conflict do nothing", pollId,
                userId) == 1;
    }

    boolean hasVoted(long pollId, long userId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from poll_voter where poll_id = ? and user_id = ?)", Boolean.class, pollId,
                userId));
    }

    List<Long> pollsVotedBy(long userId) {
        return jdbc.queryForList("select poll_id from poll_voter where user_id = ?", Long.class, userId);
    }

    void storeBallot(long pollId, UUID ballotId, Ballot ballot) {
        jdbc.update("insert into ballot (id, poll_id) values (?, ?)", ballotId, pollId);
        List<Long> ids = ballot.clientIds();
        jdbc.batchUpdate("insert into ballot_pick (ballot_id, rank, client_id) values (?, ?, ?)",
                IntStream.range(0, ids.size()).mapToObj(i -> new Object[] { ballotId, i + 1, ids.get(i) }).toList());
    }

    /**
     * Rewrites a closed poll's ballots in the order of their random ids. Until then their physical
     * order (what a plain {@code select} or {@code pg_dump} shows) and their transaction ids
     * ({@code xmin}) follow the voting order and match the voter rows; afterwards both are those
     * of the closing transaction. Old row versions linger until vacuum, and the WAL keeps history.
     */
    void shuffleBallots(long pollId) {
        jdbc.update("""
                with picks as (
                    delete from ballot_pick p using ballot b where b.id = p.ballot_id and b.poll_id = ?
                    returning p.ballot_id, p.rank, p.client_id),
                ballots as (delete from ballot where poll_id = ? returning id, poll_id),
                rewritten as (insert into ballot (id, poll_id) select id, poll_id from ballots order by id returning id)
                insert into ballot_pick (ballot_id, rank, client_id)
                select ballot_id, rank, client_id from picks
                where ballot_id in (select id from rewritten)
                order by ballot_id, rank
                """, pollId, pollId);
    }

    int ballotCount(long pollId) {
        return jdbc.queryForObject("select count(*) from ballot where poll_id = ?", Integer.class, pollId);
    }

    List<Tally.RankCount> rankCounts(long pollId) {
        return jdbc.query("""
                select p.client_id, p.rank, count(*) as n
                from ballot_pick p join ballot b on b.id = p.ballot_id
                where b.poll_id = ?
                group by p.client_id, p.rank
                """, (rs, n) -> new Tally.RankCount(rs.getLong("client_id"), rs.getInt("rank"), rs.getInt("n")),
                pollId);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
