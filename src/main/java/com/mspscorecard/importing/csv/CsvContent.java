package com.mspscorecard.importing.csv;

/** Refuses, by content rather than by file name, what is not a CSV file at all. */
final class CsvContent {

    private static final int INSPECTED_BYTES = 1024;
    /** Text files have almost no control characters; a few stray ones are tolerated. */
    private static final double MAX_CONTROL_SHARE = 0.05;

    private CsvContent() {
    }

    static void check(byte[] content) {
        int start = CsvFormatDetection.hasUtf8Bom(content) ? 3 : 0;
        if (isBlank(content, start)) {
            throw new CsvFileException(CsvProblem.EMPTY, "importing.problem.file.empty");
        }
        if (isUtf16(content)) {
            // Excel's "Unicode Text" export: readable text, but every other byte is NUL.
            throw new CsvFileException(CsvProblem.BINARY, "importing.problem.file.utf16");
        }
        if (isBinary(content)) {
            throw new CsvFileException(CsvProblem.BINARY, "importing.problem.file.binary");
        }
    }

    private static boolean isBlank(byte[] content, int start) {
        for (int i = start; i < content.length; i++) {
            byte b = content[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    private static boolean isUtf16(byte[] content) {
        return content.length >= 2 && ((content[0] == (byte) 0xFF && content[1] == (byte) 0xFE)
                || (content[0] == (byte) 0xFE && content[1] == (byte) 0xFF));
    }

    private static boolean isBinary(byte[] content) {
        int length = Math.min(content.length, INSPECTED_BYTES);
        int control = 0;
        for (int i = 0; i < length; i++) {
            int b = content[i] & 0xFF;
            if (b == 0) {
                return true;
            }
            if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7F) {
                control++;
            }
        }
        return control > length * MAX_CONTROL_SHARE;
    }
}
