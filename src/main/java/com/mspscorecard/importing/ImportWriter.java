package com.mspscorecard.importing;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.mspscorecard.audit.AuditEvent;
import com.mspscorecard.audit.AuditTrail;
import com.mspscorecard.metrics.Metric;
import com.mspscorecard.metrics.SnapshotsChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a valid preview: creates the missing clients, upserts the new and changed snapshots in
 * JDBC batches, audits, and announces the change. Only inside the commit's transaction.
 */
@Component
class ImportWriter {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ImportWriter.class);

    static final int BATCH_SIZE = 1000;

    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    ImportWriter(JdbcTemplate jdbc, AuditTrail audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
    }

    /** @return the number of snapshots written */
    @Transactional(propagation = Propagation.MANDATORY)
    long write(ImportPreview preview, String fileName, ImportProgress progress) {
        long started = System.nanoTime();
        Map<Long, Long> createdIds = createClients(preview.clientsToCreate, fileName);
        log.debug("{} clients created in {} ms", createdIds.size(), (System.nanoTime() - started) / 1_000_000);
        List<PreviewRow> toWrite = new ArrayList<>();
        for (PreviewRow row : preview.rows) {
            if (row.kind == PreviewRow.Kind.NEW || row.kind == PreviewRow.Kind.CHANGED) {
                toWrite.add(row);
            }
        }
        progress.start(ImportProgress.Phase.WRITING, toWrite.size());
        if (toWrite.isEmpty()) {
            return 0;
        }
        List<Metric> metrics = preview.metrics;
        StringBuilder columns = new StringBuilder("client_id, month");
        StringBuilder params = new StringBuilder("?, ?");
        StringBuilder updates = new StringBuilder();
        for (Metric metric : metrics) {
            columns.append(", ").append(metric.fieldName());
            params.append(", ?");
            updates.append(metric.fieldName()).append(" = excluded.").append(metric.fieldName()).append(", ");
        }
        // Only the file's columns are set: a column absent from the file leaves stored values untouched.
        String sql = "insert into monthly_snapshot (" + columns + ") values (" + params + ")"
                + " on conflict (client_id, month) do update set " + updates
                + "version = monthly_snapshot.version + 1, updated_at = now()";
        Set<Long> clientIds = new HashSet<>();
        Set<YearMonth> months = new HashSet<>();
        long[] written = { 0 };
        jdbc.batchUpdate(sql, toWrite, BATCH_SIZE, (PreparedStatement ps, PreviewRow row) -> {
            long clientId = row.clientId > 0 ? row.clientId : createdIds.get(row.clientId);
            ps.setLong(1, clientId);
            ps.setObject(2, row.month.atDay(1));
            for (int i = 0; i < metrics.size(); i++) {
                Metric metric = metrics.get(i);
                long value = row.values[i];
                if (metric.kind() == Metric.Kind.COUNT) {
                    if (value == PreviewRow.EMPTY) {
                        ps.setNull(3 + i, Types.INTEGER);
                    }
                    else {
                        ps.setInt(3 + i, Math.toIntExact(value));
                    }
                }
                else if (value == PreviewRow.EMPTY) {
                    ps.setNull(3 + i, Types.NUMERIC);
                }
                else {
                    ps.setBigDecimal(3 + i, BigDecimal.valueOf(value, metric.kind().scale()));
                }
            }
            clientIds.add(clientId);
            months.add(row.month);
            if (++written[0] % BATCH_SIZE == 0) {
                progress.advance(written[0]);
            }
        });
        progress.advance(written[0]);
        log.debug("{} snapshots upserted in {} ms", written[0], (System.nanoTime() - started) / 1_000_000);
        audit.recordAll(fieldChanges(preview, fileName));
        events.publishEvent(new SnapshotsChanged(clientIds, months));
        return written[0];
    }

    /** Creates the clients by name with default terms, auditing each; returns real ids by placeholder id. */
    private Map<Long, Long> createClients(List<String> names, String fileName) {
        Map<Long, Long> ids = new HashMap<>();
        if (names.isEmpty()) {
            return ids;
        }
        Map<String, Long> placeholderByName = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            placeholderByName.put(names.get(i).toLowerCase(Locale.ROOT), -(i + 1L));
        }
        List<AuditEvent> created = new ArrayList<>();
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(
                    "insert into client (name) select unnest(?::varchar[]) returning id, name");
            ps.setArray(1, con.createArrayOf("varchar", names.toArray()));
            return ps;
        }, rs -> {
            long id = rs.getLong(1);
            String name = rs.getString(2);
            ids.put(placeholderByName.get(name.toLowerCase(Locale.ROOT)), id);
            created.add(AuditEvent.of("CREATED", "CLIENT", id,
                    "Client %s created by the import of %s".formatted(name, fileName)).forClient(id));
        });
        audit.recordAll(created);
        return ids;
    }

    private static List<AuditEvent> fieldChanges(ImportPreview preview, String fileName) {
        List<AuditEvent> changes = new ArrayList<>();
        for (PreviewRow row : preview.rows) {
            if (row.kind != PreviewRow.Kind.CHANGED) {
                continue;
            }
            for (int i = 0; i < preview.metrics.size(); i++) {
                if (row.differs(i)) {
                    Metric metric = preview.metrics.get(i);
                    changes.add(AuditEvent.fieldChange("SNAPSHOT", row.snapshotId, row.clientId, metric.fieldName(),
                            PreviewRow.toDecimal(metric, row.stored[i]), PreviewRow.toDecimal(metric, row.values[i]),
                            "%s %s: %s changed by the import of %s".formatted(row.clientName, row.month,
                                    metric.fieldName(), fileName)));
                }
            }
        }
        return changes;
    }
}
