package com.mspscorecard.importing;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Uploaded files waiting between preview and commit, kept in the database under a random token
 * and tied to the user who uploaded them: the commit reads these bytes, never a client-side copy.
 */
@Repository
class ImportUploads {

    record Upload(String token, String username, String fileName, String sha256, byte[] content) {
    }

    /** Abandoned previews are dropped after a day. */
    static final Duration KEEP = Duration.ofDays(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ImportUploads(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Upload store(String username, String fileName, byte[] content) {
        Instant now = Instant.now(clock);
        jdbc.update("delete from import_upload where created_at < ?", Timestamp.from(now.minus(KEEP)));
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        String sha256 = ImportAnalysis.sha256Hex(content);
        jdbc.update("insert into import_upload (token, username, file_name, sha256, content, created_at) values (?, ?, ?, ?, ?, ?)",
                token, username, fileName, sha256, content, Timestamp.from(now));
        return new Upload(token, username, fileName, sha256, content);
    }

    /** The upload, only for the user who made it. */
    Optional<Upload> find(String token, String username) {
        return jdbc.query("select token, username, file_name, sha256, content from import_upload where token = ? and username = ?",
                (rs, n) -> new Upload(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBytes(5)),
                token, username).stream().findFirst();
    }

    void delete(String token) {
        jdbc.update("delete from import_upload where token = ?", token);
    }
}
