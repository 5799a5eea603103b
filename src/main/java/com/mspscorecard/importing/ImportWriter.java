package com.mspscorecard.importing;

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
import com.mspscorecard.clients.NewClient;
import com.mspscorecard.clients.NewClients;
import com.mspscorecard.metrics.Metric;
import com.mspscorecard.metrics.SnapshotBulkWriter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a valid preview: has clients create the missing clients, has metrics write the new and
 * changed snapshots in bulk (COPY, never a statement per row), audits, and announces the change.
 * Only inside the commit's transaction. This module writes no table of another module.
 */
@Component
class ImportWriter {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ImportWriter.class);

    private final SnapshotBulkWriter snapshots;
    private final NewClients newClients;
    private final AuditTrail audit;

    ImportWriter(SnapshotBulkWriter snapshots, NewClients newClients, AuditTrail audit) {
        this.snapshots = snapshots;
        this.newClients = newClients;
        this.audit = audit;
    }

    /**
     * @param manager the account manager of the clients the import creates: the importing user
     * @return the number of snapshots written
     */
    @Transactional(propagation = Propagation.MANDATORY)
    long write(ImportPreview preview, String fileName, Long manager, ImportProgress progress) {
        long started = System.nanoTime();
        Map<Long, Long> createdIds = createClients(preview, fileName, manager);
        long clientsDone = System.nanoTime();
        long toWrite = preview.newRows + preview.changedRows;
        progress.start(ImportProgress.Phase.WRITING, toWrite);
        if (toWrite == 0) {
            log.info("Import of {}: {} clients created in {} ms, no snapshot to write", fileName, createdIds.size(),
                    millis(started, clientsDone));
            return 0;
        }
        Set<Long> clientIds = new HashSet<>();
        Set<YearMonth> months = new HashSet<>();
        // New rows are inserted as they are: the preview found none of them stored, under the import
        // lock; a form edit that stores one in the meantime makes the insert fail on the unique key, and
        // the commit is refused as stale. Changed rows are merged.
        long copied = preview.newRows == 0 ? 0
                : snapshots.insertNew(preview.metrics, new Rows(preview, PreviewRow.Kind.NEW, createdIds, clientIds,
                        months), progress::advance);
        if (copied != preview.newRows) {
            throw new IllegalStateException("Inserted " + copied + " new snapshots instead of " + preview.newRows);
        }
        long newDone = System.nanoTime();
        long changed = preview.changedRows == 0 ? 0
                : snapshots.merge(preview.metrics, new Rows(preview, PreviewRow.Kind.CHANGED, createdIds, clientIds,
                        months), done -> progress.advance(copied + done));
        long upsertDone = System.nanoTime();
        long written = copied + changed;
        progress.advance(written);
        audit.recordAll(fieldChanges(preview, fileName));
        long auditDone = System.nanoTime();
        log.info("Import of {}: {} clients created in {} ms; {} new snapshots copied in {} ms, {} changed merged in {} ms; "
                + "field changes audited in {} ms", fileName, createdIds.size(), millis(started, clientsDone), copied,
                millis(clientsDone, newDone), changed, millis(newDone, upsertDone), millis(upsertDone, auditDone));
        // The listeners (rescoring) run here, synchronously, inside this transaction: timed apart.
        boolean published = false;
        try {
            snapshots.announce(clientIds, months);
            published = true;
        }
        finally {
            log.info("Import of {}: SnapshotsChanged listeners (rescore of {} clients) took {} ms{}", fileName,
                    clientIds.size(), millis(auditDone, System.nanoTime()), published ? "" : " and failed");
        }
        return written;
    }

    /** The preview's rows of one kind, as metrics' bulk writer reads them; notes each client and month. */
    private static final class Rows implements SnapshotBulkWriter.Rows {

        private final List<PreviewRow> rows;
        private final PreviewRow.Kind kind;
        private final Map<Long, Long> createdIds;
        private final Set<Long> clientIds;
        private final Set<YearMonth> months;
        private int next;
        private PreviewRow current;
        private long clientId;
        private long lastClient = Long.MIN_VALUE;
        private YearMonth lastMonth;

        Rows(ImportPreview preview, PreviewRow.Kind kind, Map<Long, Long> createdIds, Set<Long> clientIds,
                Set<YearMonth> months) {
            this.rows = preview.rows;
            this.kind = kind;
            this.createdIds = createdIds;
            this.clientIds = clientIds;
            this.months = months;
        }

        @Override
        public boolean next() {
            while (next < rows.size()) {
                PreviewRow row = rows.get(next++);
                if (row.kind != kind) {
                    continue;
                }
                current = row;
                clientId = row.clientId > 0 ? row.clientId : createdIds.get(row.clientId);
                if (clientId != lastClient) {
                    clientIds.add(clientId);
                    lastClient = clientId;
                }
                if (!row.month.equals(lastMonth)) {
                    months.add(row.month);
                    lastMonth = row.month;
                }
                return true;
            }
            return false;
        }

        @Override
        public long clientId() {
            return clientId;
        }

        @Override
        public YearMonth month() {
            return current.month;
        }

        @Override
        public long unscaled(int column) {
            long value = current.values[column];
            return value == PreviewRow.EMPTY ? SnapshotBulkWriter.EMPTY : value;
        }
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    /** Has clients create the missing ones; returns real ids by placeholder id. */
    private Map<Long, Long> createClients(ImportPreview preview, String fileName, Long manager) {
        Map<Long, Long> ids = new HashMap<>();
        List<String> names = preview.clientsToCreate;
        if (names.isEmpty()) {
            return ids;
        }
        List<NewClient> clients = names.stream().map(name -> NewClient.named(name, manager))
                .toList();
        Map<String, Long> created = newClients.create(clients, "client.createdByImport", fileName);
        for (int i = 0; i < names.size(); i++) {
            ids.put(-(i + 1L), created.get(names.get(i).toLowerCase(Locale.ROOT)));
        }
        return ids;
    }

    private static List<AuditEvent> fieldChanges(ImportPreview preview, String fileName) {
        List<AuditEvent> changes = new ArrayList<>();
        for (PreviewRow row : preview.rows) {
            if (row.kind != PreviewRow.Kind.CHANGED) {
                continue;
            }
            List<AuditEvent.FieldChange> fields = new ArrayList<>();
            for (int i = 0; i < preview.metrics.size(); i++) {
                if (row.differs(i)) {
                    Metric metric = preview.metrics.get(i);
                    fields.add(AuditEvent.FieldChange.of(metric.fieldName(), PreviewRow.toDecimal(metric, row.stored[i]),
                            PreviewRow.toDecimal(metric, row.values[i])));
                }
            }
            changes.add(AuditEvent.of("CHANGED", "SNAPSHOT", row.snapshotId, "snapshot.imported", row.clientName,
                    row.month, fileName).forClient(row.clientId, row.clientName).withChanges(fields));
        }
        return changes;
    }
}
