package com.mspscorecard.database;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL binaries packaged for this machine (zonky's archives from Maven Central),
 * unpacked once per archive into the temporary directory and reused by later starts.
 * <p>
 * zonky's own unpacking is private to its {@code EmbeddedPostgres}, which cannot run the server
 * as another user, so the archive is unpacked here: world-readable, because when the application
 * runs as root the server runs as an unprivileged user that must be able to execute it.
 */
final class PostgresBinaries {

    private PostgresBinaries() {
    }

    /** @return the directory holding {@code bin/initdb}, {@code bin/pg_ctl} and {@code bin/postgres} */
    static Path unpack() throws IOException {
        byte[] archive;
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(operatingSystem(), architecture())) {
            archive = in.readAllBytes();
        }
        catch (IllegalStateException | UnsupportedOperationException e) {
            throw new DatabaseStartupException("No embedded PostgreSQL is packaged for " + System.getProperty("os.name")
                    + " on " + System.getProperty("os.arch") + ".",
                    "Run PostgreSQL as a server and set SPRING_DATASOURCE_URL.", e);
        }
        // Owned per user: a directory someone else prepared in /tmp is never executed.
        Path root = Path.of(System.getProperty("java.io.tmpdir"),
                "msp-scorecard-postgres-" + System.getProperty("user.name"));
        Path target = root.resolve(digest(archive));
        if (Files.exists(target.resolve(".complete"))) {
            return target;
        }
        Files.createDirectories(root);
        if (!Files.getOwner(root).getName().equals(System.getProperty("user.name"))) {
            throw new DatabaseStartupException("The directory " + root + " belongs to another user.",
                    "Remove it, or start the application with another java.io.tmpdir.");
        }
        setPermissions(root, 0755);
        Path partial = Files.createTempDirectory(root, "unpacking-");
        try {
            extract(archive, partial);
            Files.createFile(partial.resolve(".complete"));
            setPermissions(partial, 0755);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException raced) {
            // Another process unpacked the same archive at the same moment; use theirs.
            deleteTree(partial);
        }
        catch (IOException | RuntimeException e) {
            deleteTree(partial);
            throw e;
        }
        return target;
    }

    private static void extract(byte[] archive, Path into) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new XZInputStream(new ByteArrayInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = into.resolve(entry.getName()).normalize();
                if (!path.startsWith(into)) {
                    throw new IOException("Archive entry outside its directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    continue;
                }
                Files.createDirectories(path.getParent());
                if (entry.isSymbolicLink()) {
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                }
                else if (entry.isLink()) {
                    Files.createLink(path, into.resolve(entry.getLinkName()));
                }
                else {
                    Files.copy(tar, path);
                    setPermissions(path, (entry.getMode() & 0100) != 0 ? 0755 : 0644);
                }
            }
        }
        try (Stream<Path> dirs = Files.walk(into)) {
            for (Path dir : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
                setPermissions(dir, 0755);
            }
        }
    }

    static String operatingSystem() {
        String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (name.contains("win")) {
            return "Windows";
        }
        if (name.contains("mac")) {
            return "Darwin";
        }
        return "Linux";
    }

    static boolean isWindows() {
        return operatingSystem().equals("Windows");
    }

    private static String architecture() {
        String arch = System.getProperty("os.arch");
        return "amd64".equals(arch) ? "x86_64" : arch;
    }

    private static String digest(byte[] archive) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(archive);
            return HexFormat.of().formatHex(hash, 0, 12);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void setPermissions(Path path, int mode) throws IOException {
        if (isWindows()) {
            return;
        }
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = { PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_READ };
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) {
                permissions.add(bits[i]);
            }
        }
        Files.setPosixFilePermissions(path, permissions);
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
        catch (IOException e) {
            // Leftovers in a temporary directory are harmless.
        }
    }
}
