package com.mspscorecard.database;

import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fingerprints of what has been committed to a table, for caches that must notice every write:
 * statement triggers (V34) leave one mark per writing transaction in {@code change_mark}, and the
 * fingerprint is the count and the sum of the marks' transaction ids. A committed write changes it,
 * whoever made it (this instance, another instance, somebody at a psql prompt); an uncommitted or
 * rolled-back one does not. A table gets marks from a trigger in the migration that owns it.
 *
 * <p>Reading the marks is an index range over a handful of rows (well under a millisecond); marks
 * older than {@link #KEPT_MINUTES} minutes are pruned, which changes each fingerprint once more
 * (one rebuild, never a stale page).
 */
@Component
public class ChangeMarks {

    static final int KEPT_MINUTES = 10;

    private final JdbcTemplate jdbc;

    ChangeMarks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One fingerprint over the given tables, e.g. {@code stamp("client")}. */
    public String stamp(String... tables) {
        return jdbc.queryForObject("""
                select string_agg(t || ':' || (select count(*) || ':' || coalesce(sum(xid::text::numeric), 0)
                                               from change_mark m where m.table_name = t), '/' order by t)
                from unnest(?::text[]) t""", String.class, (Object) tables);
    }

    /** Removes old marks; run on one instance at a time. */
    @Scheduled(fixedDelayString = "PT" + KEPT_MINUTES + "M", initialDelayString = "PT" + KEPT_MINUTES + "M")
    @SchedulerLock(name = "change-marks-prune", lockAtMostFor = "PT5M")
    public void prune() {
        jdbc.update("delete from change_mark where marked_at < now() - make_interval(mins => ?)", KEPT_MINUTES);
    }

    /** The tables that carry marks, for tests that check a write leaves one. */
    List<String> markedTables() {
        return jdbc.queryForList("select distinct event_object_table from information_schema.triggers "
                + "where action_statement like '%mark_change()%' order by 1", String.class);
    }
}
