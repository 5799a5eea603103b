package com.mspscorecard.importing.raw;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a raw export by its content, not its name: a zip is an Excel workbook, an OLE2 container is a legacy
 * {@code .xls} or an encrypted workbook (both refused with their own message), anything else is read as CSV.
 */
public final class RawExportReader {

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    private RawExportReader() {
    }

    public static RawTable open(Path file, RawLimits limits) throws RawFileException {
        long size;
        byte[] magic = new byte[8];
        int read;
        try {
            size = Files.size(file);
            try (InputStream in = Files.newInputStream(file)) {
                read = in.readNBytes(magic, 0, magic.length);
            }
        }
        catch (IOException ex) {
            throw new RawFileException(ex, "psa.file.unreadable");
        }
        if (size > limits.maxBytes()) {
            throw new RawFileException("psa.file.tooLarge", limits.maxBytes() / (1024 * 1024));
        }
        if (size == 0) {
            throw new RawFileException("psa.file.blank");
        }
        if (startsWith(magic, read, ZIP)) {
            return XlsxTable.open(file, limits);
        }
        if (startsWith(magic, read, OLE2)) {
            throw XlsxTable.refuseOle2(file);
        }
        return CsvTable.open(file, limits);
    }

    private static boolean startsWith(byte[] bytes, int length, byte[] prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
