package com.mspscorecard.importing.csv;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static com.mspscorecard.importing.csv.CsvFormatDetection.WINDOWS_1252;
import static org.assertj.core.api.Assertions.assertThat;

class CsvFormatDetectionTests {

    @Test
    void utf8WithBomIsUtf8() {
        byte[] content = CsvFixtures.withUtf8Bom("client,month\nAcme,2026-01\n");

        assertThat(CsvFormatDetection.detect(content).encoding()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void validUtf8WithoutBomIsUtf8() {
        byte[] content = "client,month\nSocietà Srl,2026-01\n".getBytes(StandardCharsets.UTF_8);

        assertThat(CsvFormatDetection.detect(content).encoding()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void bytesThatAreNotUtf8AreWindows1252() {
        byte[] content = "client,month\nSocietà Srl,2026-01\n".getBytes(WINDOWS_1252);

        assertThat(CsvFormatDetection.detect(content).encoding()).isEqualTo(WINDOWS_1252);
    }

    @Test
    void aWindows1252ByteFarBeyondTheFirstLinesStillDecidesTheEncoding() {
        StringBuilder csv = new StringBuilder("client,month,new_tickets\n");
        for (int i = 0; i < 5_000; i++) {
            csv.append("Client ").append(i).append(",2026-01,3\n");
        }
        csv.append("Società,2026-01,3\n");

        assertThat(CsvFormatDetection.detect(csv.toString().getBytes(WINDOWS_1252)).encoding()).isEqualTo(WINDOWS_1252);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            comma                          | client,month,revenue\\nAcme,2026-01,12.50                       | ,  | .
            semicolon with decimal comma   | client;month;revenue\\nAcme;2026-01;12,50                       | ;  | ,
            semicolon with decimal point   | client;month;revenue\\nAcme;2026-01;12.50                       | ;  | .
            semicolon, whole numbers only  | client;month;new_tickets\\nAcme;2026-01;12                      | ;  | ,
            tab                            | client\\tmonth\\trevenue\\nAcme\\t2026-01\\t12.50               | \\t | .
            tab with decimal comma         | client\\tmonth\\trevenue\\nAcme\\t2026-01\\t12,50               | \\t | ,
            commas inside quotes           | client;month;revenue\\n"Smith, Jones, and Co";2026-01;1,5      | ;  | ,
            semicolons inside quotes       | client,month,revenue\\n"A;B;C;D;E",2026-01,1.5                 | ,  | .
            """)
    void guessesDelimiterAndDecimalSeparator(String variant, String csv, String delimiter, String decimal) {
        CsvDialect dialect = CsvFormatDetection.detect(unescape(csv).getBytes(StandardCharsets.UTF_8));

        assertThat(dialect.delimiter()).isEqualTo(unescape(delimiter.strip()).charAt(0));
        assertThat(dialect.decimalSeparator()).isEqualTo(decimal.strip().charAt(0));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2026-01,    YEAR_MONTH",
            "2026-01-31, DATE",
            "01/2026,    MONTH_SLASH_YEAR",
            "1/2026,     MONTH_SLASH_YEAR",
    })
    void guessesMonthFormatFromTheMonthColumn(String month, MonthFormat expected) {
        String csv = "Client;Month;revenue\nAcme;" + month + ";12,50\nBeta;" + month + ";1\n";

        assertThat(CsvFormatDetection.detect(csv.getBytes(StandardCharsets.UTF_8)).monthFormat()).isEqualTo(expected);
    }

    @Test
    void monthFormatFollowsTheMajorityOfValues() {
        String csv = "client,month\nA,03/2026\nB,04/2026\nC,2026-05\n";

        assertThat(CsvFormatDetection.detect(csv.getBytes(StandardCharsets.UTF_8)).monthFormat())
                .isEqualTo(MonthFormat.MONTH_SLASH_YEAR);
    }

    @Test
    void keepsWhatTheUserChoseAndGuessesTheRestUnderIt() {
        byte[] content = "client;month;revenue\nAcme;03/2026;12,50\n".getBytes(StandardCharsets.UTF_8);

        CsvDialect guessed = CsvFormatDetection.detect(content);
        CsvDialect chosen = CsvFormatDetection.detect(content,
                CsvDialectOverrides.none().withEncoding(WINDOWS_1252).withDecimalSeparator('.'));

        assertThat(guessed).isEqualTo(new CsvDialect(StandardCharsets.UTF_8, ';', ',', MonthFormat.MONTH_SLASH_YEAR));
        assertThat(chosen).isEqualTo(new CsvDialect(WINDOWS_1252, ';', '.', MonthFormat.MONTH_SLASH_YEAR));
    }

    @Test
    void choosingTheDelimiterChangesTheDecimalGuess() {
        // Read with ',' the file has one column per comma; read with ';' it has decimal commas.
        byte[] content = "client;month;revenue\nAcme;2026-01;12,50\n".getBytes(StandardCharsets.UTF_8);

        assertThat(CsvFormatDetection.detect(content, CsvDialectOverrides.none().withDelimiter(',')).decimalSeparator())
                .isEqualTo('.');
        assertThat(CsvFormatDetection.detect(content, CsvDialectOverrides.none().withDelimiter(';')).decimalSeparator())
                .isEqualTo(',');
    }

    private static String unescape(String text) {
        return text.replace("\\n", "\n").replace("\\t", "\t");
    }
}
