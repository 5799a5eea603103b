package com.mspscorecard.notifications;

import com.mspscorecard.notifications.internal.AlertNotice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mspscorecard.scoring.ScorecardQueries;
import com.mspscorecard.scoring.ScorecardView;
import com.mspscorecard.scoring.ScorecardsChanged;
import com.mspscorecard.scoring.ScoresRecomputed;
import com.mspscorecard.users.Role;
import com.mspscorecard.users.UserContact;
import com.mspscorecard.users.UserDirectory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alerts, inside the rescoring transaction (so a rolled-back change alerts nobody): compares each
 * rescored client's latest scorecard with what alerts last said about it ({@code alert_state}),
 * and tells owners (every client) and account managers (their own) when a client gained a
 * dealbreaker or fell by a grade band. All alerts of one change go to a person in one message.
 *
 * <p>Cost for a single edit: one scorecard read, one state read, one advisory lock (which
 * serialises two instances writing states); writes only when something changed.
 */
@Component
class AlertWatch {

    private static final String GRADES = "ABCDF";

    private final JdbcTemplate jdbc;

    private final ScorecardQueries scorecards;

    private final UserDirectory users;

    private final Deliveries deliveries;

    AlertWatch(JdbcTemplate jdbc, ScorecardQueries scorecards, UserDirectory users, Deliveries deliveries) {
        this.jdbc = jdbc;
        this.scorecards = scorecards;
        this.users = users;
        this.deliveries = deliveries;
    }

    @EventListener
    void on(ScorecardsChanged event) {
        List<ScorecardView> cards = new ArrayList<>();
        for (Long id : event.clientIds()) {
            scorecards.latestOfClient(id).ifPresent(cards::add);
        }
        compare(cards);
    }

    /** A full rescore (the daily one, a model activated, a big import): the latest month's scorecards. */
    @EventListener
    void on(ScoresRecomputed event) {
        if (!startedFromTodaysScores()) {
            compare(latestCards());
        }
    }

    /**
     * An installation that had scores before alerts existed starts from what they say today,
     * instead of alerting every flagged client at once: at start-up, or at the first full rescore
     * (which may come first, {@code RescoreOnStartup}).
     */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void startFromTodaysScores() {
        startedFromTodaysScores();
    }

    /** @return whether there was nothing to compare with, and today's scores are now the start */
    private boolean startedFromTodaysScores() {
        lock();
        if (jdbc.queryForObject("select exists (select 1 from alert_state)", Boolean.class)) {
            return false;
        }
        Map<Long, State> states = new LinkedHashMap<>();
        for (ScorecardView card : latestCards()) {
            states.put(card.clientId(), new State(card.grade(), keys(card)));
        }
        save(states);
        return true;
    }

    private List<ScorecardView> latestCards() {
        return scorecards.latestMonth().map(month -> scorecards.portfolio(month).scorecards()).orElse(List.of());
    }

    record State(String grade, Set<String> dealbreakers) {
    }

    private void compare(Collection<ScorecardView> cards) {
        if (cards.isEmpty()) {
            return;
        }
        lock();
        Map<Long, State> before = states(cards.stream().map(ScorecardView::clientId).toList());
        Map<Long, State> changed = new LinkedHashMap<>();
        List<Alerted> alerts = new ArrayList<>();
        for (ScorecardView card : cards) {
            State was = before.get(card.clientId());
            State now = new State(card.grade() != null ? card.grade() : was == null ? null : was.grade(), keys(card));
            if (now.equals(was)) {
                continue;
            }
            Set<String> gained = new LinkedHashSet<>(now.dealbreakers());
            if (was != null) {
                gained.removeAll(was.dealbreakers());
            }
            if (!gained.isEmpty()) {
                alerts.add(new Alerted(card.accountManagerId(), new AlertNotice.Item(card.clientId(), card.clientName(),
                        AlertNotice.Cause.DEALBREAKER, null, null, List.copyOf(gained))));
            }
            if (was != null && was.grade() != null && card.grade() != null
                    && GRADES.indexOf(card.grade()) > GRADES.indexOf(was.grade())) {
                alerts.add(new Alerted(card.accountManagerId(), new AlertNotice.Item(card.clientId(), card.clientName(),
                        AlertNotice.Cause.GRADE_DROP, was.grade(), card.grade(), List.of())));
            }
            changed.put(card.clientId(), now);
        }
        save(changed);
        if (!alerts.isEmpty()) {
            tell(alerts);
        }
    }

    private record Alerted(Long accountManagerId, AlertNotice.Item item) {
    }

    /** Owners hear of every client, account managers of their own; staff never. */
    private void tell(List<Alerted> alerts) {
        for (UserContact user : users.contacts()) {
            if (!user.enabled() || user.role() == Role.STAFF) {
                continue;
            }
            List<AlertNotice.Item> items = alerts.stream()
                    .filter(a -> user.role() == Role.OWNER || user.id().equals(a.accountManagerId()))
                    .map(Alerted::item).toList();
            if (!items.isEmpty()) {
                deliveries.alert(user, deliveries.choiceOf(user), new AlertNotice(items));
            }
        }
    }

    /** Serialises alert decisions across instances until the transaction ends. */
    private void lock() {
        jdbc.queryForObject("select pg_advisory_xact_lock(hashtext('notifications.alert_state'))", Object.class);
    }

    private Map<Long, State> states(List<Long> clientIds) {
        Map<Long, State> states = new HashMap<>();
        jdbc.query("select client_id, grade, dealbreakers from alert_state where client_id = any (?)",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", clientIds.toArray())),
                rs -> {
                    String codes = rs.getString(3);
                    states.put(rs.getLong(1), new State(rs.getString(2),
                            codes.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(codes.split(",")))));
                });
        return states;
    }

    /**
     * One statement for all of them: a new month changes most clients' latest scorecard, and a statement
     * per client was 2,000 round trips, 0.4 s of a monthly import (bench/import-bench.sh).
     */
    private void save(Map<Long, State> states) {
        if (states.isEmpty()) {
            return;
        }
        Long[] clients = states.keySet().toArray(new Long[0]);
        String[] grades = states.values().stream().map(State::grade).toArray(String[]::new);
        String[] dealbreakers = states.values().stream().map(state -> String.join(",", state.dealbreakers()))
                .toArray(String[]::new);
        jdbc.update(con -> {
            var ps = con.prepareStatement("""
                    insert into alert_state (client_id, grade, dealbreakers)
                    select * from unnest(?::bigint[], ?::varchar[], ?::text[])
                    on conflict (client_id) do update set grade = excluded.grade, dealbreakers = excluded.dealbreakers""");
            ps.setArray(1, con.createArrayOf("bigint", clients));
            ps.setArray(2, con.createArrayOf("varchar", grades));
            ps.setArray(3, con.createArrayOf("text", dealbreakers));
            return ps;
        });
    }

    private static Set<String> keys(ScorecardView card) {
        Set<String> keys = new LinkedHashSet<>();
        card.dealbreakers().forEach(reason -> keys.add(reason.key()));
        return keys;
    }
}
