package com.mspscorecard.importing.raw;

import static org.assertj.core.api.Assertions.assertThat;

import com.mspscorecard.metrics.Metric;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every code the reader, the aggregation and the rules hand out has its sentence in English and Italian. */
class PsaReadingMessagesTests {

    private static final Path SOURCES = Path.of("src/main/java/com/mspscorecard/importing/raw");
    private static final Pattern CODE = Pattern.compile("\"(psa\\.(?:file|row|rule)\\.[A-Za-z_]+)\"");

    @ParameterizedTest
    @ValueSource(strings = {"messages/psa-reading.properties", "messages/psa-reading_it.properties"})
    void everyCodeHasASentenceThatFormats(String bundle) throws IOException {
        Properties messages = new Properties();
        try (var in = getClass().getClassLoader().getResourceAsStream(bundle)) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.toList()) {
                Matcher m = CODE.matcher(Files.readString(file));
                while (m.find()) {
                    codes.add(m.group(1));
                }
            }
        }
        for (Metric metric : Metric.values()) {
            codes.add(AggregationRules.ruleCode(metric.fieldName()));
        }

        assertThat(codes).hasSizeGreaterThan(30);
        for (String code : codes) {
            assertThat(messages.getProperty(code)).as(bundle + " " + code).isNotBlank();
            String pattern = messages.getProperty(code);
            // Spring formats a message only when it has arguments: only then is an apostrophe written twice.
            String text = pattern.contains("{") ? new MessageFormat(pattern, Locale.ITALIAN).format(new Object[] {7, 8})
                    : pattern;
            assertThat(text).as(code).doesNotContain("{").doesNotContain("''");
            assertThat(text.chars().filter(c -> c == '\'').count()).as(code)
                    .isEqualTo(pattern.chars().filter(c -> c == '\'').count() / (pattern.contains("{") ? 2 : 1));
        }
    }
}
