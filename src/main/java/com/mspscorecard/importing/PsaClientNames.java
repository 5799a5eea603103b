package com.mspscorecard.importing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import com.mspscorecard.importing.raw.ClientKey;
import com.mspscorecard.importing.raw.TicketClients;
import com.mspscorecard.importing.raw.TicketLinks;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * What a source's client names mean, learned once and used by every later upload: aliases
 * ({@code psa_alias}: a client, or ignored), the queue of names waiting for a decision
 * ({@code psa_unmatched}), the clients the source knows ({@code psa_source_client}) and which
 * client each exported ticket belongs to ({@code psa_ticket}, for time entries that name a ticket).
 * Over 250 lines: these four small tables are one concept (what a source learned) in one home; the
 * tickets' COPY, which keeps a million tickets out of the heap, is most of the length.
 */
@Repository
class PsaClientNames {

    /** A learned decision: {@code clientId} empty means "ignore this name". */
    record Alias(String key, String name, Optional<Long> clientId) {
    }

    /** A name waiting in the queue. */
    record Waiting(long sourceId, String sourceName, String key, String name, String ref, String fileName,
            long rows, Instant lastSeen) {

        /** What the user reads: the name, or the PSA's company id when the export has no name. */
        public String shown() {
            return name == null || name.isBlank() ? ref : ref == null ? name : name + " (" + ref + ")";
        }
    }

    static final int NAME_MAX = 300;

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final Clock clock;

    PsaClientNames(JdbcTemplate jdbc, DataSource dataSource, Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** The queue's key of a PSA client: its company id when the export has one, else its name. */
    static String key(ClientKey client) {
        if (client.ref() != null && !client.ref().isBlank()) {
            return cut("ref:" + client.ref().strip(), 320);
        }
        return cut("name:" + (client.name() == null ? "" : client.name().strip().toLowerCase(Locale.ROOT)), 320);
    }

    static String nameKey(String name) {
        return cut("name:" + name.strip().toLowerCase(Locale.ROOT), 320);
    }

    static String shown(ClientKey client) {
        String name = client.name() == null ? "" : client.name().strip();
        return name.isEmpty() ? (client.ref() == null ? "" : client.ref().strip()) : name;
    }

    Map<String, Alias> aliases(long sourceId) {
        Map<String, Alias> aliases = new HashMap<>();
        jdbc.query("select psa_key, psa_name, client_id from psa_alias where source_id = ?", rs -> {
            long id = rs.getLong(3);
            Optional<Long> client = rs.wasNull() ? Optional.empty() : Optional.of(id);
            aliases.put(rs.getString(1), new Alias(rs.getString(1), rs.getString(2), client));
        }, sourceId);
        return aliases;
    }

    /** Remembers what a name means and takes it off the queue. */
    void decide(long sourceId, String key, String name, Long clientId, String username) {
        jdbc.update("""
                insert into psa_alias (source_id, psa_key, psa_name, client_id, decided_by, decided_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (source_id, psa_key) do update set psa_name = excluded.psa_name,
                    client_id = excluded.client_id, decided_by = excluded.decided_by, decided_at = excluded.decided_at""",
                sourceId, key, cut(name, NAME_MAX), clientId, username, Timestamp.from(Instant.now(clock)));
        jdbc.update("delete from psa_unmatched where source_id = ? and psa_key = ?", sourceId, key);
    }

    /** Puts names a preview could not match on the queue (again), with how many client-months named them. */
    void enqueue(long sourceId, List<PsaFacts.Unmatched> names, String fileName) {
        if (names.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now(clock));
        List<Object[]> batch = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (PsaFacts.Unmatched name : names) {
            if (seen.add(name.key())) {
                batch.add(new Object[] { sourceId, name.key(), cut(name.name(), NAME_MAX),
                        name.ref() == null ? null : cut(name.ref().strip(), 100), cut(fileName, 255), name.rows(), now,
                        now });
            }
        }
        jdbc.batchUpdate("""
                insert into psa_unmatched (source_id, psa_key, psa_name, psa_ref, file_name, rows_seen, first_seen, last_seen)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (source_id, psa_key) do update set psa_name = excluded.psa_name, file_name = excluded.file_name,
                    rows_seen = excluded.rows_seen, last_seen = excluded.last_seen""", batch);
    }

    List<Waiting> queue() {
        return jdbc.query("""
                select u.source_id, s.name as source_name, u.psa_key, u.psa_name, u.psa_ref, u.file_name, u.rows_seen,
                    u.last_seen
                from psa_unmatched u join psa_source s on s.id = u.source_id
                order by lower(s.name), lower(u.psa_name)""",
                (rs, n) -> new Waiting(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getLong(7), rs.getTimestamp(8).toInstant()));
    }

    Optional<Waiting> waiting(long sourceId, String key) {
        return queue().stream().filter(w -> w.sourceId() == sourceId && w.key().equals(key)).findFirst();
    }

    long queueSize() {
        return jdbc.queryForObject("select count(*) from psa_unmatched", Long.class);
    }

    Set<Long> knownClients(long sourceId) {
        return new HashSet<>(jdbc.queryForList("select client_id from psa_source_client where source_id = ?",
                Long.class, sourceId));
    }

    void rememberClients(long sourceId, Collection<Long> clientIds) {
        if (clientIds.isEmpty()) {
            return;
        }
        jdbc.update("""
                insert into psa_source_client (source_id, client_id) select ?, unnest(?::bigint[])
                on conflict do nothing""", ps -> {
            ps.setLong(1, sourceId);
            ps.setArray(2, ps.getConnection().createArrayOf("bigint", clientIds.toArray()));
        });
    }

    /**
     * The client each ticket of the source belongs to, looked up as time entries ask. Answers are
     * cached per call of this method: a month of time entries names a few thousand tickets.
     */
    TicketClients tickets(long sourceId) {
        Map<String, Optional<ClientKey>> cache = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Optional<ClientKey>> eldest) {
                return size() > 200_000;
            }
        };
        return new TicketClients() {
            @Override
            public Optional<String> clientOf(String ticketId) {
                return clientKeyOf(ticketId).map(ClientKey::name);
            }

            @Override
            public Optional<ClientKey> clientKeyOf(String ticketId) {
                return cache.computeIfAbsent(ticketId.strip(), id -> jdbc.query(
                        "select client_name, client_ref from psa_ticket where source_id = ? and ticket_id = ?",
                        (rs, n) -> new ClientKey(rs.getString(1), rs.getString(2)), sourceId, id).stream().findFirst());
            }
        };
    }

    /**
     * Starts storing the ticket → client pairs of a tickets file being committed: the pairs stream by
     * COPY into a scratch table while the file is aggregated (the connection does nothing else
     * meanwhile), and {@link TicketMemory#finish()} merges them, replacing earlier answers for the same
     * tickets. A million tickets cost seconds and no heap. Only inside the commit's transaction.
     */
    TicketMemory rememberTickets(long sourceId) {
        jdbc.execute("create temp table psa_ticket_in (ticket_id varchar(100), client_name varchar(300), "
                + "client_ref varchar(100)) on commit drop");
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy psa_ticket_in (ticket_id, client_name, client_ref) from stdin");
            return new TicketMemory(sourceId, connection, copy);
        }
        catch (SQLException ex) {
            DataSourceUtils.releaseConnection(connection, dataSource);
            throw new IllegalStateException("Storing the tickets' clients failed", ex);
        }
    }

    /** The pairs of one tickets file on their way to {@code psa_ticket}. */
    final class TicketMemory implements TicketLinks {

        private final long sourceId;
        private final Connection connection;
        private final CopyIn copy;
        private final StringBuilder buffer = new StringBuilder(64 * 1024);
        private long linked;
        private boolean released;

        private TicketMemory(long sourceId, Connection connection, CopyIn copy) {
            this.sourceId = sourceId;
            this.connection = connection;
            this.copy = copy;
        }

        @Override
        public void link(String ticketId, ClientKey client) {
            if (ticketId == null || ticketId.isBlank() || client == null) {
                return;
            }
            buffer.append(copyText(cut(ticketId.strip(), 100))).append('\t')
                    .append(copyText(client.name() == null ? null : cut(client.name().strip(), NAME_MAX))).append('\t')
                    .append(copyText(client.ref() == null ? null : cut(client.ref().strip(), 100))).append('\n');
            linked++;
            if (buffer.length() > 60 * 1024) {
                flush();
            }
        }

        private void flush() {
            byte[] bytes = buffer.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            buffer.setLength(0);
            try {
                copy.writeToCopy(bytes, 0, bytes.length);
            }
            catch (SQLException ex) {
                throw new IllegalStateException("Storing the tickets' clients failed", ex);
            }
        }

        /** Ends the COPY and merges; returns how many pairs the file gave. */
        long finish() {
            try {
                flush();
                copy.endCopy();
            }
            catch (SQLException ex) {
                throw new IllegalStateException("Storing the tickets' clients failed", ex);
            }
            finally {
                cancel();
            }
            // A file may list a ticket twice (reported as a duplicate): one of its rows is kept.
            jdbc.update("""
                    insert into psa_ticket (source_id, ticket_id, client_name, client_ref)
                    select distinct on (ticket_id) ?, ticket_id, client_name, client_ref from psa_ticket_in order by ticket_id
                    on conflict (source_id, ticket_id) do update set client_name = excluded.client_name,
                        client_ref = excluded.client_ref
                    where (psa_ticket.client_name, psa_ticket.client_ref)
                        is distinct from (excluded.client_name, excluded.client_ref)""", sourceId);
            jdbc.execute("drop table psa_ticket_in");
            return linked;
        }

        /** Gives the connection back; a COPY still open is cancelled (the transaction then rolls back). */
        void cancel() {
            if (released) {
                return;
            }
            released = true;
            try {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
            catch (SQLException ex) {
                // The transaction is failing anyway.
            }
            finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }
    }

    long ticketCount(long sourceId) {
        return jdbc.queryForObject("select count(*) from psa_ticket where source_id = ?", Long.class, sourceId);
    }

    /** COPY's text format: backslash, tab, newline and carriage return escaped; NUL cannot be stored and is dropped. */
    private static String copyText(String value) {
        if (value == null) {
            return "\\N";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\0' -> { }
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
