package com.mspscorecard.importing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The record of committed imports: who, when, which file, what it did. */
@Repository
class ImportHistory {

    record Entry(long id, Instant importedAt, String username, String fileName, String sha256, int rows, int newRows,
            int changedRows, int unchangedRows, int clientsCreated) {
    }

    private static final RowMapper<Entry> ENTRY = (rs, n) -> new Entry(rs.getLong("id"),
            rs.getTimestamp("imported_at").toInstant(), rs.getString("username"), rs.getString("file_name"),
            rs.getString("sha256"), rs.getInt("rows_total"), rs.getInt("rows_new"), rs.getInt("rows_changed"),
            rs.getInt("rows_unchanged"), rs.getInt("clients_created"));

    private final JdbcTemplate jdbc;

    ImportHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long record(Instant at, String username, String fileName, String sha256, ImportPreview preview) {
        return jdbc.queryForObject("""
                insert into import_run (imported_at, username, file_name, sha256, rows_total, rows_new, rows_changed,
                    rows_unchanged, clients_created)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                """, Long.class, Timestamp.from(at), username, fileName, sha256, (int) preview.total(),
                (int) preview.newRows, (int) preview.changedRows, (int) preview.unchangedRows,
                preview.clientsToCreate.size());
    }

    /** When a file with this content was first imported. */
    Optional<Instant> firstImportOf(String sha256) {
        return jdbc.query("select min(imported_at) from import_run where sha256 = ?",
                (rs, n) -> rs.getTimestamp(1), sha256).stream().filter(t -> t != null).map(Timestamp::toInstant)
                .findFirst();
    }

    List<Entry> page(int page, int size) {
        return jdbc.query("select * from import_run order by imported_at desc, id desc limit ? offset ?", ENTRY, size,
                (long) page * size);
    }

    long count() {
        return jdbc.queryForObject("select count(*) from import_run", Long.class);
    }
}
