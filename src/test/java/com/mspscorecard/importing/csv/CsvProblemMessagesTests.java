package com.mspscorecard.importing.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Every problem the import reports reads in English and in Italian, and the English the API
 * returns is the bundle's English text.
 */
class CsvProblemMessagesTests {

    /** As the application configures its bundles (application.properties). */
    private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        MESSAGES.setBasenames("messages/importing", "messages/metrics");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    private static final Path SOURCES = Path.of("src/main/java/com/mspscorecard/importing");

    private static final Pattern PROBLEM_KEY = Pattern.compile("\"(importing\\.problem\\.[a-z_.]+)\"");

    /** The one SnapshotRules problem the import applies as the form does; its texts live with the form's. */
    private static final String RECOMMENDATIONS_KEY = "snapshot.recommendations.exceedMade";

    @Test
    void everyProblemCodeTheImportUsesHasAnEnglishAndAnItalianText() throws IOException {
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = PROBLEM_KEY.matcher(Files.readString(file));
                while (m.find()) {
                    codes.add(m.group(1));
                }
            }
        }
        assertThat(codes).as("problem codes found in the importing sources").hasSizeGreaterThan(25);
        codes.add(RECOMMENDATIONS_KEY);

        Properties english = load("importing.properties", "metrics.properties");
        Properties italian = load("importing_it.properties", "metrics_it.properties");
        assertThat(codes).allSatisfy(code -> {
            assertThat(english.getProperty(code)).as("English text of %s", code).isNotBlank();
            assertThat(italian.getProperty(code)).as("Italian text of %s", code).isNotBlank();
        });
    }

    @Test
    void aProblemTextWithArgumentsDoublesItsApostrophes() throws IOException {
        // MessageFormat drops a lone apostrophe and everything up to the next one: "l'ultimo mese {1}" would lose {1}.
        for (String bundle : new String[] {"importing.properties", "importing_it.properties"}) {
            Properties texts = load(bundle);
            assertThat(texts.stringPropertyNames()).filteredOn(key -> key.startsWith("importing.problem."))
                    .filteredOn(key -> texts.getProperty(key).contains("{"))
                    .as("texts in %s with a lone apostrophe", bundle)
                    .noneMatch(key -> texts.getProperty(key).replace("''", "").contains("'"));
        }
    }

    /** A file the reader refuses for each problem, and what an Italian reader is told about it. */
    private static final Map<CsvProblem, Refusal> REFUSALS = new EnumMap<>(Map.ofEntries(
            refusal(CsvProblem.EMPTY, "", "Il file è vuoto. Carica un file CSV con una riga di intestazione e una "
                    + "riga per cliente e mese; il modello mostra le colonne."),
            refusal(CsvProblem.BINARY, "PK\u0003\u0004\u0000\u0000", "Questo non è un file CSV di testo: contiene "
                    + "dati binari. Se è una cartella di lavoro Excel, aprila e salvala prima come \"CSV UTF-8\"."),
            refusal(CsvProblem.TOO_LARGE, "client,month\n" + "Acme,2026-01\n".repeat(100), "Il file supera i 1 KB, "
                    + "il massimo per un'importazione. Dividilo in file più piccoli, per esempio uno per anno."),
            refusal(CsvProblem.TOO_MANY_ROWS, "client,month\n" + "Acme,2026-01\n".repeat(1001), "Il file ha più di "
                    + "1.000 righe di dati, il massimo per un'importazione. Dividilo in file più piccoli."),
            refusal(CsvProblem.HEADER_ONLY, "client,month\n", "Il file ha la riga di intestazione ma nessuna riga di "
                    + "dati. Aggiungi sotto l'intestazione una riga per cliente e mese."),
            refusal(CsvProblem.MALFORMED, "client,month\n" + "\n".repeat(1230) + "\"Acme\"x,2026-01\n",
                    "La riga 1232 non si può leggere come CSV: un valore tra virgolette non è chiuso, oppure c'è del "
                            + "testo dopo le virgolette di chiusura. I valori che contengono virgolette vanno messi tra "
                            + "virgolette, raddoppiando ogni virgoletta interna (\"\")."),
            refusal(CsvProblem.MISSING_CLIENT_COLUMN, "Month,Tickets\n2026-01,3\n", "La riga di intestazione (riga 1) "
                    + "non ha la colonna \"client\". La prima riga deve dare il nome alle colonne, per esempio: "
                    + "client,month,new_tickets. Trovato: Month, Tickets."),
            refusal(CsvProblem.MISSING_MONTH_COLUMN, "client,new_tickets\nAcme,3\n", "La riga di intestazione (riga 1) "
                    + "non ha la colonna \"month\". La prima riga deve dare il nome alle colonne, per esempio: "
                    + "client,month,new_tickets. Trovato: client, new_tickets."),
            refusal(CsvProblem.DUPLICATE_COLUMN, "client,month,New Tickets,new-tickets\nAcme,2026-01,1,2\n",
                    "Le colonne 3 (\"New Tickets\") e 4 (\"new-tickets\") contengono entrambe new_tickets. Tienine solo una."),
            refusal(CsvProblem.SEPARATOR_CONFLICT, "client,month\nAcme,2026-01\n",
                    "Il separatore decimale non può essere anche il separatore di campo")));

    private record Refusal(String csv, String italian) {
    }

    /** What the API has always answered for the same files. */
    private static final Map<CsvProblem, String> ENGLISH = new EnumMap<>(Map.ofEntries(
            Map.entry(CsvProblem.EMPTY,
                    "The file is empty. Upload a CSV file with a header row and one row per client and month; the template shows the columns."),
            Map.entry(CsvProblem.BINARY,
                    "This is not a CSV text file: it contains binary data. If it is an Excel workbook, open it and save it as \"CSV UTF-8\" first."),
            Map.entry(CsvProblem.TOO_LARGE,
                    "The file is larger than 1 KB, the most one import can take. Split it into smaller files, for example one per year."),
            Map.entry(CsvProblem.TOO_MANY_ROWS,
                    "The file has more than 1,000 data rows, the most one import can take. Split it into smaller files."),
            Map.entry(CsvProblem.HEADER_ONLY,
                    "The file has a header row but no data rows. Add one row per client and month below the header."),
            Map.entry(CsvProblem.MALFORMED,
                    "Line 1232 cannot be read as CSV: a quoted value is not closed, or text follows its closing quote. Values containing quotes must be quoted, with each quote inside doubled (\"\")."),
            Map.entry(CsvProblem.MISSING_CLIENT_COLUMN,
                    "The header row (line 1) has no \"client\" column. The first line must name the columns, for example: client,month,new_tickets. Found: Month, Tickets."),
            Map.entry(CsvProblem.MISSING_MONTH_COLUMN,
                    "The header row (line 1) has no \"month\" column. The first line must name the columns, for example: client,month,new_tickets. Found: client, new_tickets."),
            Map.entry(CsvProblem.DUPLICATE_COLUMN,
                    "Columns 3 (\"New Tickets\") and 4 (\"new-tickets\") both hold new_tickets. Keep only one of them."),
            Map.entry(CsvProblem.SEPARATOR_CONFLICT,
                    "The decimal separator cannot also be the delimiter")));

    private static Map.Entry<CsvProblem, Refusal> refusal(CsvProblem problem, String csv, String italian) {
        return Map.entry(problem, new Refusal(csv, italian));
    }

    @ParameterizedTest
    @EnumSource(CsvProblem.class)
    void everyReasonToRefuseAFileReadsInItalianAndTheApiKeepsTheEnglish(CsvProblem problem) {
        Refusal refusal = REFUSALS.get(problem);
        assertThat(refusal).as("a file refused with %s", problem).isNotNull();
        CsvLimits limits = CsvLimits.defaults().withMaxRows(1000);
        CsvReader reader = new CsvReader(CsvFixtures.CLOCK,
                problem == CsvProblem.TOO_LARGE ? limits.withMaxBytes(1024) : limits);
        // The page offers a comma for both; only a choice can make them clash.
        CsvDialectOverrides overrides = problem == CsvProblem.SEPARATOR_CONFLICT
                ? CsvDialectOverrides.none().withDelimiter(',').withDecimalSeparator(',')
                : CsvDialectOverrides.none();

        CsvFileException refused = catchThrowableOfType(CsvFileException.class,
                () -> reader.open(refusal.csv().getBytes(StandardCharsets.UTF_8), overrides)
                        .readRows((row, errors) -> { }, ProgressListener.NONE));

        assertThat(refused).as("refused with %s", problem).isNotNull();
        assertThat(refused.problem()).isEqualTo(problem);
        assertThat(inItalian(refused.messageCode(), refused.args())).isEqualTo(refusal.italian());
        assertThat(refused.getMessage()).isEqualTo(ENGLISH.get(problem))
                .isEqualTo(inEnglish(refused.messageCode(), refused.args()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            row.value_count     | `client,month,new_tickets\\nAcme,2026-01\\n`                 | This row has 2 values but the header has 3 columns. Check for a missing delimiter, or a value containing ',' that is not in quotes. | Valori in questa riga: 2; colonne nell'intestazione: 3. Controlla se manca un separatore, o se un valore che contiene ',' non è tra virgolette.
            row.value_count.tab | `client\\tmonth\\tnew_tickets\\nAcme\\t2026-01\\n`           | This row has 2 values but the header has 3 columns. Check for a missing delimiter, or a value containing 'tab' that is not in quotes. | Valori in questa riga: 2; colonne nell'intestazione: 3. Controlla se manca un separatore, o se un valore che contiene una tabulazione non è tra virgolette.
            client.missing      | `client,month\\n ,2026-01\\n`                                | The client is missing.                                                         | Manca il cliente.
            month.missing       | `client,month\\nAcme,\\n`                                    | The month is missing.                                                          | Manca il mese.
            month.format        | `client,month\\nAcme,2026-01\\nAcme,2026-02\\nAcme,March 2026\\n`          | "March 2026" is not a month written as YYYY-MM.                                | "March 2026" non è un mese scritto come YYYY-MM.
            month.format_looks_like | `client,month\\nAcme,2026-01\\nAcme,2026-02\\nAcme,03/2026\\n`          | "03/2026" is not a month written as YYYY-MM. It looks like MM/YYYY: choose that month format for the file. | "03/2026" non è un mese scritto come YYYY-MM. Sembra MM/YYYY: scegli questo formato del mese per il file.
            month.future        | `client,month\\nAcme,2026-07\\n`                             | 2026-07 is in the future; the latest month that can be imported is 2026-06.    | 2026-07 è nel futuro; l'ultimo mese che si può importare è 2026-06.
            value.negative      | `client,month,new_tickets\\nAcme,2026-01,-3\\n`              | new_tickets cannot be negative.                                                | new_tickets non può essere negativo.
            value.whole_number  | `client,month,new_tickets\\nAcme,2026-01,1.5\\n`             | new_tickets must be a whole number, not "1.5".                                 | new_tickets deve essere un numero intero, non "1.5".
            value.decimals      | `client,month,revenue\\nAcme,2026-01,1.5055\\n`              | revenue can have at most 2 decimals; "1.5055" has more.                        | revenue può avere al massimo 2 decimali; "1.5055" ne ha di più.
            value.too_large     | `client,month,new_tickets\\nAcme,2026-01,1234567890123\\n`   | "1234567890123" is too large for new_tickets: the most it can hold is 2147483647. | "1234567890123" è troppo grande per new_tickets: il massimo che può contenere è 2147483647.
            value.ambiguous     | `client,month,revenue\\nAcme,2026-01,"1,250"\\n`              | "1,250" can be read two ways: write 1250 for the whole number, or 1.25 for the decimal. | "1,250" si può leggere in due modi: scrivi 1250 per il numero intero, oppure 1.25 per il decimale.
            value.other_decimal | `client,month,revenue\\nAcme,2026-01,"12,5"\\n`              | "12,5" uses ',' as decimal separator, but this file's decimal separator is '.': write 12.5, or change the decimal separator. | "12,5" usa ',' come separatore decimale, ma il separatore decimale di questo file è '.': scrivi 12.5, oppure cambia il separatore decimale.
            value.not_a_number.count | `client,month,new_tickets\\nAcme,2026-01,three\\n`     | "three" is not a number; new_tickets needs a whole number such as 12.          | "three" non è un numero; new_tickets richiede un numero intero, per esempio 12.
            value.not_a_number.decimal | `client;month;revenue\\nAcme;2026-01;1,00\\nBeta;2026-01;lots\\n` | "lots" is not a number; revenue needs a number such as 12,50. | "lots" non è un numero; revenue richiede un numero, per esempio 12,50.
            """)
    void everyRowProblemReadsInItalianAndTheApiKeepsTheEnglish(String problem, String csv, String english,
            String italian) {
        CellError error = CsvFixtures.read(csv.replace("\\n", "\n").replace("\\t", "\t")).onlyError();

        assertThat(error.code()).isEqualTo("importing.problem." + problem);
        assertThat(error.message()).isEqualTo(english).isEqualTo(inEnglish(error.code(), error.args()));
        assertThat(inItalian(error.code(), error.args())).isEqualTo(italian);
    }

    @Test
    void lineNumbersReadAsWrittenInBothLanguages() {
        // Row 1202 repeats row 1201: a line number, never "1,201" nor "1.201".
        CellError error = CsvFixtures.read("client,month\n" + "\n".repeat(1199) + "Acme,2026-01\nAcme,2026-01\n")
                .onlyError();

        assertThat(error.line()).isEqualTo(1202);
        assertThat(error.message()).isEqualTo("Acme already has a row for 2026-01 on line 1201; keep only one.");
        assertThat(inItalian(error.code(), error.args())).isEqualTo("Acme ha già una riga per 2026-01 alla riga 1201; tienine solo una.");
    }

    private static String inEnglish(String code, java.util.List<Object> args) {
        return MESSAGES.getMessage(code, args.toArray(), Locale.ENGLISH);
    }

    private static String inItalian(String code, java.util.List<Object> args) {
        return MESSAGES.getMessage(code, args.toArray(), Locale.ITALIAN);
    }

    private static Properties load(String... bundles) throws IOException {
        Properties texts = new Properties();
        for (String bundle : bundles) {
            try (var in = new InputStreamReader(Files.newInputStream(Path.of("src/main/resources/messages", bundle)),
                    StandardCharsets.UTF_8)) {
                texts.load(in);
            }
        }
        return texts;
    }
}
