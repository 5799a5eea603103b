package com.mspscorecard.importing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.mspscorecard.audit.AuditEvent;
import com.mspscorecard.audit.AuditTrail;
import com.mspscorecard.importing.csv.CsvFileException;
import com.mspscorecard.users.UserDirectory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Preview and commit. A commit reads the file again inside one transaction, under a lock that
 * serialises imports, and writes everything or nothing; it is refused when its preview no longer
 * matches what the user confirmed.
 */
@Service
class ImportService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ImportService.class);

    /** Key of the advisory lock that lets one import commit at a time ("IMPORT" in ASCII). */
    static final long COMMIT_LOCK = 0x494D504F5254L;

    private final ImportAnalysis analysis;
    private final ImportWriter writer;
    private final ImportHistory history;
    private final AuditTrail audit;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final TransactionTemplate readTx;
    private final Clock clock;
    private final MessageSource messages;
    private final UserDirectory users;

    ImportService(ImportAnalysis analysis, ImportWriter writer, ImportHistory history, AuditTrail audit,
            JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock, MessageSource messages,
            UserDirectory users) {
        this.users = users;
        this.analysis = analysis;
        this.writer = writer;
        this.history = history;
        this.audit = audit;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.readTx = new TransactionTemplate(transactions);
        this.readTx.setReadOnly(true);
        this.clock = clock;
        this.messages = messages;
    }

    /**
     * Reads a file into a preview: the CSV import's analysis, or a PSA export's aggregation. Runs
     * inside the preview's or the commit's transaction.
     */
    @FunctionalInterface
    interface Analysis {
        ImportPreview analyse(ImportProgress progress);
    }

    /** What else a commit writes, in its transaction, once the snapshots are written (a PSA source's memory). */
    @FunctionalInterface
    interface AlsoWrite {
        void written(ImportPreview preview);
    }

    /** Classifies every row; writes nothing. */
    ImportOutcome preview(byte[] content, ImportOptions options, ImportProgress progress) {
        return preview(p -> analysis.analyse(content, options, p), progress);
    }

    /** Classifies every row the analysis gives; writes nothing. */
    ImportOutcome preview(Analysis reading, ImportProgress progress) {
        try {
            ImportPreview preview = readTx.execute(status -> reading.analyse(progress));
            preview.alreadyImportedOn = history.firstImportOf(preview.sha256).orElse(null);
            progress.finish();
            return new ImportOutcome(preview.valid() ? ImportOutcome.Status.PREVIEW : ImportOutcome.Status.REJECTED,
                    preview, null, preview.alreadyImportedOn);
        }
        catch (CsvFileException ex) {
            progress.finish();
            return new ImportOutcome(ImportOutcome.Status.REJECTED, null, ImportOutcome.FileProblem.of(ex), null);
        }
        catch (PsaProblem ex) {
            progress.finish();
            return new ImportOutcome(ImportOutcome.Status.REJECTED, null, ex.fileProblem(messages), null);
        }
        catch (DataAccessException | TransactionException ex) {
            return databaseFailed(ex, progress);
        }
    }

    /**
     * Writes the file, all or nothing.
     *
     * @param confirmedFingerprint the fingerprint of the preview the user confirmed, or null to write
     *                             whatever the file does now (the API without a dry run)
     */
    ImportOutcome commit(String username, String fileName, byte[] content, ImportOptions options,
            String confirmedFingerprint, ImportProgress progress) {
        return commit(username, fileName, p -> analysis.analyse(content, options, p), confirmedFingerprint, progress,
                preview -> { });
    }

    /**
     * Writes what the analysis gives, all or nothing, with whatever {@code alsoWrite} adds in the same
     * transaction; a preview that is refused or stale rolls back whatever the analysis wrote on the way.
     */
    ImportOutcome commit(String username, String fileName, Analysis reading, String confirmedFingerprint,
            ImportProgress progress, AlsoWrite alsoWrite) {
        try {
            ImportOutcome outcome = tx.execute(status -> {
                // Two identical uploads committed at once: the second waits, then sees the first one's rows.
                jdbc.query("select pg_advisory_xact_lock(?)", rs -> {
                }, COMMIT_LOCK);
                long started = System.nanoTime();
                ImportPreview preview = reading.analyse(progress);
                long analysed = System.nanoTime();
                if (!preview.valid()) {
                    status.setRollbackOnly();
                    return new ImportOutcome(ImportOutcome.Status.REJECTED, preview, null, null);
                }
                if (confirmedFingerprint != null && !confirmedFingerprint.equals(preview.fingerprint)) {
                    status.setRollbackOnly();
                    return new ImportOutcome(ImportOutcome.Status.STALE, preview, null, null);
                }
                Instant before = history.firstImportOf(preview.sha256).orElse(null);
                log.info("Import of {} ({} rows): read and checked in {} ms", fileName, preview.total(),
                        (analysed - started) / 1_000_000);
                writer.write(preview, fileName, importer(username), progress);
                alsoWrite.written(preview);
                log.info("Import of {}: written, with the rescoring it causes, in {} ms", fileName,
                        (System.nanoTime() - analysed) / 1_000_000);
                long runId = history.record(Instant.now(clock), username, fileName, preview.sha256, preview);
                audit.record(AuditEvent.of("IMPORTED", "IMPORT", runId, "import.done", fileName, preview.sha256,
                        (long) preview.total(), (long) preview.newRows, (long) preview.changedRows,
                        (long) preview.unchangedRows, (long) preview.clientsToCreate.size()));
                preview.alreadyImportedOn = before;
                return new ImportOutcome(ImportOutcome.Status.IMPORTED, preview, null, before);
            });
            progress.finish();
            return outcome;
        }
        catch (CsvFileException ex) {
            progress.finish();
            return new ImportOutcome(ImportOutcome.Status.REJECTED, null, ImportOutcome.FileProblem.of(ex), null);
        }
        catch (PsaProblem ex) {
            progress.finish();
            return new ImportOutcome(ImportOutcome.Status.REJECTED, null, ex.fileProblem(messages), null);
        }
        catch (DuplicateKeyException ex) {
            // A month the check found empty was stored by a form or the API before this import wrote it.
            progress.finish();
            return new ImportOutcome(ImportOutcome.Status.STALE, null, new ImportOutcome.FileProblem(
                    "import.concurrent_change", messages.getMessage(CONCURRENT_CHANGE, null, Locale.ENGLISH),
                    CONCURRENT_CHANGE, List.of()), null);
        }
        catch (DataAccessException | TransactionException ex) {
            // The transaction rolled back (or died with its connection): nothing of the file is stored.
            return databaseFailed(ex, progress);
        }
    }

    /**
     * The user an import's new clients are assigned to: whoever imports, owner or account manager,
     * as the client form assigns a new client to whoever creates it.
     */
    Long importer(String username) {
        return users.byUsername(username).filter(u -> u.role() != com.mspscorecard.users.Role.STAFF)
                .map(com.mspscorecard.users.UserSummary::id).orElse(null);
    }

    private ImportOutcome databaseFailed(RuntimeException ex, ImportProgress progress) {
        log.error("Import stopped by a database failure; nothing was written", ex);
        progress.finish();
        return new ImportOutcome(ImportOutcome.Status.FAILED, null, new ImportOutcome.FileProblem(
                "import.database_failed", messages.getMessage(DATABASE_FAILED, null, Locale.ENGLISH), DATABASE_FAILED,
                List.of()), null);
    }

    /** Message key of an import stopped by the database. */
    static final String DATABASE_FAILED = "importing.problem.database_failed";

    /** Message key of the commit that lost a race with a form or the API. */
    static final String CONCURRENT_CHANGE = "importing.problem.concurrent_change";
}
