package com.mspscorecard.importing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a valid preview: creates the missing clients, copies the new and changed snapshots to a
 * scratch table with COPY and merges them in one statement, audits, and announces the change.
 * Only inside the commit's transaction.
 */
@Component
class ImportWriter {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ImportWriter.class);

    static final int PROGRESS_INTERVAL = 5000;

    private static final String UNIQUE_VIOLATION = "23505";

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    ImportWriter(JdbcTemplate jdbc, DataSource dataSource, AuditTrail audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.audit = audit;
        this.events = events;
    }

    /** @return the number of snapshots written */
    @Transactional(propagation = Propagation.MANDATORY)
    long write(ImportPreview preview, String fileName, ImportProgress progress) {
        long started = System.nanoTime();
        Map<Long, Long> createdIds = createClients(preview.clientsToCreate, fileName);
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
        // New rows go straight into the table by COPY: the preview found none of them stored, under the
        // import lock; a form edit that stores one in the meantime makes the COPY fail on the unique key,
        // and the commit is refused as stale. Changed rows take the merge below.
        long copied = copyRows(preview, PreviewRow.Kind.NEW, "monthly_snapshot", createdIds, 0, clientIds, months,
                progress);
        long newDone = System.nanoTime();
        long changed = merge(preview, createdIds, copied, clientIds, months, progress);
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
            events.publishEvent(new SnapshotsChanged(clientIds, months));
            published = true;
        }
        finally {
            log.info("Import of {}: SnapshotsChanged listeners (rescore of {} clients) took {} ms{}", fileName,
                    clientIds.size(), millis(auditDone, System.nanoTime()), published ? "" : " and failed");
        }
        return written;
    }

    /**
     * The changed rows: by COPY into a scratch table that disappears with the transaction, then one
     * statement merges them. Only the file's columns are set: a column absent from the file leaves
     * stored values untouched. A row whose values are already stored is not touched, so its version
     * and updated_at stay as they are.
     *
     * @return the number of snapshots updated (or inserted again, if one was deleted meanwhile)
     */
    private long merge(ImportPreview preview, Map<Long, Long> createdIds, long copiedBefore, Set<Long> clientIds,
            Set<YearMonth> months, ImportProgress progress) {
        if (preview.changedRows == 0) {
            return 0;
        }
        StringBuilder columns = new StringBuilder("client_id, month");
        StringBuilder updates = new StringBuilder();
        StringBuilder stored = new StringBuilder();
        StringBuilder incoming = new StringBuilder();
        for (Metric metric : preview.metrics) {
            String field = metric.fieldName();
            columns.append(", ").append(field);
            updates.append(field).append(" = excluded.").append(field).append(", ");
            stored.append(stored.isEmpty() ? "" : ", ").append("monthly_snapshot.").append(field);
            incoming.append(incoming.isEmpty() ? "" : ", ").append("excluded.").append(field);
        }
        jdbc.execute("create temp table import_snapshot on commit drop as select " + columns
                + " from monthly_snapshot with no data");
        copyRows(preview, PreviewRow.Kind.CHANGED, "import_snapshot", createdIds, copiedBefore, clientIds, months,
                progress);
        String changed = preview.metrics.isEmpty() ? " where false"
                : " where (" + stored + ") is distinct from (" + incoming + ")";
        return jdbc.update("insert into monthly_snapshot (" + columns + ") select " + columns
                + " from import_snapshot on conflict (client_id, month) do update set " + updates
                + "version = monthly_snapshot.version + 1, updated_at = now()" + changed);
    }

    /**
     * Streams the rows of one kind to {@code table} in PostgreSQL's COPY text format.
     *
     * @return the number of rows copied
     */
    private long copyRows(ImportPreview preview, PreviewRow.Kind kind, String table, Map<Long, Long> createdIds,
            long copiedBefore, Set<Long> clientIds, Set<YearMonth> months, ImportProgress progress) {
        long toWrite = kind == PreviewRow.Kind.NEW ? preview.newRows : preview.changedRows;
        if (toWrite == 0) {
            return 0;
        }
        List<Metric> metrics = preview.metrics;
        int[] scales = new int[metrics.size()];
        StringBuilder columns = new StringBuilder("client_id, month");
        for (int i = 0; i < scales.length; i++) {
            scales[i] = metrics.get(i).kind().scale();
            columns.append(", ").append(metrics.get(i).fieldName());
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        CopyIn copy = null;
        try {
            copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + table + " (" + columns + ") from stdin");
            CopyBuffer buffer = new CopyBuffer(copy);
            long copied = 0;
            long lastClient = Long.MIN_VALUE;
            YearMonth lastMonth = null;
            for (PreviewRow row : preview.rows) {
                if (row.kind != kind) {
                    continue;
                }
                long clientId = row.clientId > 0 ? row.clientId : createdIds.get(row.clientId);
                if (clientId != lastClient) {
                    clientIds.add(clientId);
                    lastClient = clientId;
                }
                if (!row.month.equals(lastMonth)) {
                    months.add(row.month);
                    lastMonth = row.month;
                }
                buffer.number(clientId, 0);
                buffer.tab();
                buffer.month(row.month);
                long[] values = row.values;
                for (int i = 0; i < values.length; i++) {
                    buffer.tab();
                    if (values[i] == PreviewRow.EMPTY) {
                        buffer.nullValue();
                    }
                    else {
                        buffer.number(values[i], scales[i]);
                    }
                }
                buffer.newline();
                if (++copied % PROGRESS_INTERVAL == 0) {
                    progress.advance(copiedBefore + copied);
                }
            }
            buffer.flush();
            long rows = copy.endCopy();
            copy = null;
            if (rows != toWrite) {
                throw new IllegalStateException("COPY stored " + rows + " rows instead of " + toWrite);
            }
            return copied;
        }
        catch (SQLException ex) {
            if (UNIQUE_VIOLATION.equals(ex.getSQLState())) {
                throw new DuplicateKeyException("A snapshot the preview found new was stored meanwhile", ex);
            }
            throw new DataAccessResourceFailureException("Copying the import's rows failed: " + ex.getMessage(), ex);
        }
        finally {
            if (copy != null && copy.isActive()) {
                try {
                    copy.cancelCopy();
                }
                catch (SQLException ignored) {
                    // The transaction rolls back anyway.
                }
            }
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    /** ASCII bytes of COPY text rows, handed to the server 64 KB at a time; no String per value. */
    private static final class CopyBuffer {

        private final CopyIn copy;
        private final byte[] bytes = new byte[64 * 1024];
        private final byte[] digits = new byte[20];
        private int length;

        CopyBuffer(CopyIn copy) {
            this.copy = copy;
        }

        void tab() throws SQLException {
            put((byte) '\t');
        }

        void newline() throws SQLException {
            put((byte) '\n');
        }

        void nullValue() throws SQLException {
            put((byte) '\\');
            put((byte) 'N');
        }

        /** {@code 2024-03-01}: the first day of the month, as the column stores it. */
        void month(YearMonth month) throws SQLException {
            number(month.getYear(), 0);
            int m = month.getMonthValue();
            put((byte) '-');
            put((byte) ('0' + m / 10));
            put((byte) ('0' + m % 10));
            put((byte) '-');
            put((byte) '0');
            put((byte) '1');
        }

        /** A non-negative unscaled value with {@code scale} decimals, e.g. 12345 with scale 2 is 123.45. */
        void number(long unscaled, int scale) throws SQLException {
            if (unscaled < 0) {
                throw new IllegalArgumentException("negative value " + unscaled);
            }
            int n = 0;
            long rest = unscaled;
            do {
                digits[n++] = (byte) ('0' + rest % 10);
                rest /= 10;
            } while (rest != 0 || n <= scale);
            for (int i = n - 1; i >= 0; i--) {
                if (i == scale - 1) {
                    put((byte) '.');
                }
                put(digits[i]);
            }
        }

        private void put(byte b) throws SQLException {
            if (length == bytes.length) {
                flush();
            }
            bytes[length++] = b;
        }

        void flush() throws SQLException {
            if (length > 0) {
                copy.writeToCopy(bytes, 0, length);
                length = 0;
            }
        }
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
            created.add(AuditEvent.of("CREATED", "CLIENT", id, "client.createdByImport", name, fileName)
                    .forClient(id, name));
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
