package com.mspscorecard.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import com.mspscorecard.importing.raw.ColumnMapping;
import com.mspscorecard.importing.raw.DateOrder;
import org.springframework.stereotype.Component;

/**
 * Raw PSA exports waiting between upload, preview and commit. Unlike a snapshot CSV (at most
 * 20 MB, kept in {@code import_upload}), an export may be 200 MB: it is spooled to a temporary
 * file as it arrives, hashed on the way, and never held in the heap. The files live on the
 * instance that received them; a preview reached through another instance asks for the file again.
 */
@Component
class PsaUploads {

    /** The most one raw export may hold; a snapshot CSV keeps its 20 MB. */
    static final long MAX_BYTES = 200L * 1024 * 1024;

    /** The most data rows one raw export may hold. */
    static final long MAX_ROWS = 2_000_000;

    /** Abandoned uploads are deleted after a day. */
    static final Duration KEEP = Duration.ofDays(1);

    /** What the user chose on the preview page; null parts are taken from the saved source or the file. */
    record Choices(Long sourceId, ColumnMapping mapping, DateOrder dateOrder, LocalDate from, LocalDate to,
            Set<YearMonth> includeCutShort) {

        static final Choices NONE = new Choices(null, null, null, null, null, Set.of());

        Choices {
            includeCutShort = includeCutShort == null ? Set.of() : Set.copyOf(includeCutShort);
        }

        /** Stable text, part of the preview's fingerprint. */
        String describe() {
            return "psa;source=" + sourceId + ";map=" + (mapping == null ? "" : mapping.columns()) + ";dates=" + dateOrder
                    + ";from=" + from + ";to=" + to + ";cut=" + new java.util.TreeSet<>(includeCutShort);
        }
    }

    static final class Upload {

        final String token;
        final String username;
        final String fileName;
        final String sha256;
        final Path file;
        final long size;
        final Instant createdAt;
        volatile Choices choices = Choices.NONE;

        Upload(String token, String username, String fileName, String sha256, Path file, long size, Instant createdAt) {
            this.token = token;
            this.username = username;
            this.fileName = fileName;
            this.sha256 = sha256;
            this.file = file;
            this.size = size;
            this.createdAt = createdAt;
        }
    }

    /** The upload is larger than {@link #MAX_BYTES}; nothing of it was kept. */
    static final class TooLarge extends Exception {

        TooLarge() {
            super(null, null, false, false);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Path directory;

    PsaUploads(Clock clock) throws IOException {
        this.clock = clock;
        this.directory = Files.createTempDirectory("scorecard-psa-");
    }

    /** Copies the stream to a file of its own, at most {@code MAX_BYTES}, computing its SHA-256 on the way. */
    Upload spool(String username, String fileName, InputStream in) throws IOException, TooLarge {
        forgetOld();
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        String token = "psa" + HexFormat.of().formatHex(random);
        Path file = directory.resolve(token);
        MessageDigest digest = sha256();
        long size = 0;
        try (DigestInputStream hashed = new DigestInputStream(in, digest);
                OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = hashed.read(buffer)) >= 0) {
                size += read;
                if (size > MAX_BYTES) {
                    throw new TooLarge();
                }
                out.write(buffer, 0, read);
            }
        }
        catch (IOException | TooLarge | RuntimeException ex) {
            Files.deleteIfExists(file);
            throw ex;
        }
        Upload upload = new Upload(token, username, fileName, HexFormat.of().formatHex(digest.digest()), file, size,
                Instant.now(clock));
        uploads.put(token, upload);
        return upload;
    }

    /** The upload, only for the user who made it. */
    Optional<Upload> find(String token, String username) {
        return Optional.ofNullable(uploads.get(token)).filter(u -> u.username.equals(username));
    }

    void delete(String token) {
        Upload upload = uploads.remove(token);
        if (upload != null) {
            deleteFile(upload.file);
        }
    }

    private void forgetOld() {
        Instant limit = Instant.now(clock).minus(KEEP);
        uploads.values().removeIf(upload -> {
            boolean old = upload.createdAt.isBefore(limit);
            if (old) {
                deleteFile(upload.file);
            }
            return old;
        });
    }

    @PreDestroy
    void deleteAll() {
        uploads.values().forEach(upload -> deleteFile(upload.file));
        uploads.clear();
        try {
            Files.deleteIfExists(directory);
        }
        catch (IOException ex) {
            // Left for the system's temporary-file cleaner.
        }
    }

    private static void deleteFile(Path file) {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
