package com.mspscorecard.importing.csv;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Guesses how a CSV file is written from its bytes, the way a person opening it would: the
 * encoding from the whole file, the rest from its first lines. Any part the user has chosen is
 * kept, and the remaining guesses are made under it.
 */
public final class CsvFormatDetection {

    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final int SAMPLE_BYTES = 64 * 1024;
    private static final int SAMPLE_RECORDS = 50;
    private static final char[] DELIMITERS = {',', ';', CsvDialect.TAB};
    /** A decimal comma, the digits before it perhaps grouped: {@code 12,5}, {@code 2.480,50}. */
    private static final Pattern COMMA_DECIMAL = Pattern.compile("\\d+(?:[. \\u00A0]\\d{3})*,\\d+");
    /** A decimal point, the digits before it perhaps grouped: {@code 12.5}, {@code 2,480.50}. */
    private static final Pattern DOT_DECIMAL = Pattern.compile("\\d+(?:[, \\u00A0]\\d{3})*\\.\\d+");
    /** {@code 2.500}: thousands in a decimal-comma file as much as three decimals, so no evidence either way. */
    private static final Pattern DOT_GROUPING = Pattern.compile("[1-9]\\d{0,2}\\.\\d{3}");

    private CsvFormatDetection() {
    }

    /** Guesses every part of the dialect. */
    public static CsvDialect detect(byte[] content) {
        return detect(content, CsvDialectOverrides.none());
    }

    /**
     * Guesses the parts of the dialect the user has not chosen.
     *
     * @throws CsvFileException when the chosen decimal separator is also the delimiter
     */
    public static CsvDialect detect(byte[] content, CsvDialectOverrides overrides) {
        Charset encoding = overrides.encoding() != null ? overrides.encoding() : guessEncoding(content);
        String sample = sample(content, encoding);
        char delimiter;
        List<CSVRecord> records;
        if (overrides.delimiter() != null) {
            delimiter = overrides.delimiter();
            records = records(sample, delimiter, content.length > SAMPLE_BYTES);
        }
        else {
            DelimiterGuess guess = guessDelimiter(sample, content.length > SAMPLE_BYTES);
            delimiter = guess.delimiter();
            records = guess.records();
        }
        char decimalSeparator = overrides.decimalSeparator() != null ? overrides.decimalSeparator()
                : guessDecimalSeparator(delimiter, records);
        if (decimalSeparator == delimiter) {
            // Only a choice can clash: a guessed decimal separator is never the delimiter.
            throw new CsvFileException(CsvProblem.SEPARATOR_CONFLICT, "importing.problem.dialect.separator_conflict");
        }
        MonthFormat monthFormat = overrides.monthFormat() != null ? overrides.monthFormat() : guessMonthFormat(records);
        return new CsvDialect(encoding, delimiter, decimalSeparator, monthFormat);
    }

    static boolean hasUtf8Bom(byte[] content) {
        return content.length >= 3 && content[0] == UTF8_BOM[0] && content[1] == UTF8_BOM[1] && content[2] == UTF8_BOM[2];
    }

    /** UTF-8 when marked so or when every byte is valid UTF-8; otherwise what Excel on Windows writes. */
    static Charset guessEncoding(byte[] content) {
        return hasUtf8Bom(content) || isValidUtf8(content) ? StandardCharsets.UTF_8 : WINDOWS_1252;
    }

    static boolean isValidUtf8(byte[] content) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return false;
            }
            if (result.isUnderflow()) {
                return !decoder.flush(out).isError();
            }
            out.clear();
        }
    }

    /** The text of the file's beginning, without a byte-order mark. */
    private static String sample(byte[] content, Charset encoding) {
        int start = StandardCharsets.UTF_8.equals(encoding) && hasUtf8Bom(content) ? UTF8_BOM.length : 0;
        int length = Math.min(content.length - start, SAMPLE_BYTES);
        return new String(content, start, length, encoding);
    }

    private record DelimiterGuess(char delimiter, List<CSVRecord> records, int consistentRows, int columns) {
    }

    /**
     * The delimiter that splits the header into the most columns while splitting the following
     * lines into as many; quotes are respected because the lines are parsed, not counted.
     */
    private static DelimiterGuess guessDelimiter(String sample, boolean truncated) {
        DelimiterGuess best = null;
        for (char delimiter : DELIMITERS) {
            List<CSVRecord> records = records(sample, delimiter, truncated);
            if (records.isEmpty() || records.get(0).size() < 2) {
                continue;
            }
            int columns = records.get(0).size();
            int consistent = (int) records.stream().skip(1).filter(r -> r.size() == columns).count();
            DelimiterGuess guess = new DelimiterGuess(delimiter, records, consistent, columns);
            if (best == null || consistent > best.consistentRows()
                    || (consistent == best.consistentRows() && columns > best.columns())) {
                best = guess;
            }
        }
        return best != null ? best : new DelimiterGuess(',', records(sample, ',', truncated), 0, 1);
    }

    /**
     * A comma file cannot use decimal commas without quoting every number, so only {@code ;} and
     * tab files are looked at. Spreadsheets write {@code ;} precisely because the comma is the
     * decimal separator, so a {@code ;} file is taken to use commas unless only points are seen.
     */
    private static char guessDecimalSeparator(char delimiter, List<CSVRecord> records) {
        if (delimiter == ',') {
            return '.';
        }
        int commas = 0;
        int dots = 0;
        for (CSVRecord record : records.subList(Math.min(1, records.size()), records.size())) {
            for (String value : record) {
                String v = value.strip();
                if (COMMA_DECIMAL.matcher(v).matches()) {
                    commas++;
                }
                else if (DOT_DECIMAL.matcher(v).matches() && !DOT_GROUPING.matcher(v).matches()) {
                    dots++;
                }
            }
        }
        if (delimiter == ';') {
            return commas > 0 || dots == 0 ? ',' : '.';
        }
        return commas > dots ? ',' : '.';
    }

    /** The format most month values are written in; {@code YYYY-MM} when there is nothing to judge. */
    private static MonthFormat guessMonthFormat(List<CSVRecord> records) {
        if (records.isEmpty()) {
            return MonthFormat.YEAR_MONTH;
        }
        int monthColumn = -1;
        CSVRecord header = records.get(0);
        for (int i = 0; i < header.size(); i++) {
            if (ColumnMapping.fieldFor(header.get(i)).filter(ColumnMapping.MONTH::equals).isPresent()) {
                monthColumn = i;
                break;
            }
        }
        if (monthColumn < 0) {
            return MonthFormat.YEAR_MONTH;
        }
        MonthFormat best = MonthFormat.YEAR_MONTH;
        int bestCount = 0;
        for (MonthFormat format : MonthFormat.values()) {
            int count = 0;
            for (CSVRecord record : records.subList(1, records.size())) {
                if (monthColumn < record.size() && format.looksLike(record.get(monthColumn))) {
                    count++;
                }
            }
            if (count > bestCount) {
                best = format;
                bestCount = count;
            }
        }
        return best;
    }

    /** The first records of the sample; a record cut off by the end of the sample is dropped. */
    private static List<CSVRecord> records(String sample, char delimiter, boolean truncated) {
        List<CSVRecord> records = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(sample), format)) {
            for (CSVRecord record : parser) {
                records.add(record);
                if (records.size() > SAMPLE_RECORDS) {
                    return records;
                }
            }
        }
        catch (IOException | UncheckedIOException ex) {
            // A quote left open by the cut, or a malformed line: judge on what came before it.
            return records;
        }
        if (truncated && !records.isEmpty()) {
            records.remove(records.size() - 1);
        }
        return records;
    }
}
