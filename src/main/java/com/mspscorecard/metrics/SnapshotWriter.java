package com.mspscorecard.metrics;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import com.mspscorecard.audit.AuditEvent;
import com.mspscorecard.audit.AuditTrail;
import com.mspscorecard.clients.ClientFacts;
import com.mspscorecard.clients.ClientQueries;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes snapshots that {@link SnapshotRules} has already accepted: only the given fields are
 * written (others keep their stored values), every changed field is audited (old → new) and
 * {@link SnapshotsChanged} is published — all in one transaction, which joins the caller's.
 */
@Service
public class SnapshotWriter {

    static final String ENTITY = "SNAPSHOT";

    private final JdbcTemplate jdbc;

    private final SnapshotQueries snapshots;

    private final ClientQueries clients;

    private final AuditTrail audit;

    private final ApplicationEventPublisher events;

    SnapshotWriter(JdbcTemplate jdbc, SnapshotQueries snapshots, ClientQueries clients, AuditTrail audit,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.snapshots = snapshots;
        this.clients = clients;
        this.audit = audit;
        this.events = events;
    }

    /**
     * Writes each row's {@code fields}: a field absent from a row's values is cleared ("no data").
     * Rows that change nothing are not written. Returns how many snapshots were created or changed.
     */
    @Transactional
    public int write(Collection<SnapshotFigures> rows, Set<Metric> fields) {
        if (rows.isEmpty() || fields.isEmpty()) {
            return 0;
        }
        Set<Long> clientIds = rows.stream().map(SnapshotFigures::clientId).collect(Collectors.toSet());
        Set<YearMonth> months = rows.stream().map(SnapshotFigures::month).collect(Collectors.toSet());
        Map<String, SnapshotFigures> stored = new HashMap<>();
        snapshots.forEach(clientIds, s -> {
            if (months.contains(s.month())) {
                stored.put(s.clientId() + "@" + s.month(), s);
            }
        });
        Map<Long, String> names = clients.all().stream().filter(c -> clientIds.contains(c.id()))
                .collect(Collectors.toMap(ClientFacts::id, ClientFacts::name));
        List<Metric> columns = List.copyOf(new LinkedHashSet<>(fields));
        String sql = upsert(columns);
        List<AuditEvent> changes = new ArrayList<>();
        Set<Long> changedClients = new HashSet<>();
        Set<YearMonth> changedMonths = new HashSet<>();
        int written = 0;
        for (SnapshotFigures row : rows) {
            SnapshotFigures before = stored.get(row.clientId() + "@" + row.month());
            List<Metric> changed = columns.stream()
                    .filter(m -> !same(before == null ? null : before.values().get(m), row.values().get(m))).toList();
            if (changed.isEmpty()) {
                continue;
            }
            Object[] args = new Object[2 + columns.size()];
            args[0] = row.clientId();
            args[1] = row.month().atDay(1);
            for (int i = 0; i < columns.size(); i++) {
                args[2 + i] = column(columns.get(i), row.values().get(columns.get(i)));
            }
            Long id = jdbc.queryForObject(sql, Long.class, args);
            written++;
            changedClients.add(row.clientId());
            changedMonths.add(row.month());
            String name = names.getOrDefault(row.clientId(), "#" + row.clientId());
            changes.add(AuditEvent.of(before == null ? "CREATED" : "CHANGED", ENTITY, id,
                    before == null ? "snapshot.created" : "snapshot.changed", name, row.month())
                    .forClient(row.clientId(), name)
                    .withChanges(changed.stream().map(metric -> AuditEvent.FieldChange.of(metric.fieldName(),
                            text(before == null ? null : before.values().get(metric)), text(row.values().get(metric))))
                            .toList()));
        }
        if (written > 0) {
            audit.recordAll(changes);
            events.publishEvent(new SnapshotsChanged(changedClients, changedMonths));
        }
        return written;
    }

    private static String upsert(List<Metric> columns) {
        String names = columns.stream().map(Metric::fieldName).collect(Collectors.joining(", "));
        String marks = columns.stream().map(m -> "?").collect(Collectors.joining(", "));
        String updates = columns.stream().map(m -> m.fieldName() + " = excluded." + m.fieldName())
                .collect(Collectors.joining(", "));
        return "insert into monthly_snapshot (client_id, month, " + names + ") values (?, ?, " + marks + ") "
                + "on conflict (client_id, month) do update set " + updates
                + ", updated_at = now(), version = monthly_snapshot.version + 1 returning id";
    }

    private static Object column(Metric metric, BigDecimal value) {
        if (value == null) {
            return null;
        }
        return metric.kind() == Metric.Kind.COUNT ? (Object) value.intValueExact() : value;
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String text(BigDecimal value) {
        return Objects.toString(value == null ? null : value.toPlainString(), null);
    }
}
