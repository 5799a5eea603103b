package com.mspscorecard.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import com.mspscorecard.scoring.engine.Rule;
import com.mspscorecard.scoring.engine.Rules;
import org.junit.jupiter.api.Test;

class ExplanationMessagesTests {

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(
                ExplanationMessagesTests.class.getResourceAsStream("/messages/" + name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static Set<String> explanations(Properties properties) {
        Set<String> keys = new TreeSet<>();
        properties.stringPropertyNames().stream().filter(k -> k.startsWith("explanation.")).forEach(keys::add);
        return keys;
    }

    @Test
    void everyEnglishExplanationHasAnItalianOneAndBothAreValidMessageFormats() throws IOException {
        Properties english = bundle("scoring.properties");
        Properties italian = bundle("scoring_it.properties");
        Set<String> keys = explanations(english);

        assertThat(keys).isNotEmpty();
        assertThat(explanations(italian)).containsAll(keys);
        for (String key : keys) {
            assertThatCode(() -> new MessageFormat(english.getProperty(key), Locale.ENGLISH)).as(key)
                    .doesNotThrowAnyException();
            assertThatCode(() -> new MessageFormat(italian.getProperty(key), Locale.ITALIAN)).as(key)
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void everyRuleHasItsSentenceAndItsNoDataSentence() throws IOException {
        Set<String> keys = explanations(bundle("scoring.properties"));
        for (Rule rule : Rules.all()) {
            assertThat(keys).contains("explanation.rule." + rule.key(), "explanation.rule." + rule.key() + ".no_data");
        }
    }

    @Test
    void numbersAreWrittenWithTheLocalesDecimalSeparatorAndNoGrouping() {
        assertThat(ExplanationText.number(new BigDecimal("12345.50"), Locale.ENGLISH)).isEqualTo("12345.50");
        assertThat(ExplanationText.number(new BigDecimal("12345.50"), Locale.ITALIAN)).isEqualTo("12345,50");
        assertThat(ExplanationText.value(com.mspscorecard.scoring.engine.Quantity.FRACTION,
                new BigDecimal("0.125"), Locale.ITALIAN)).isEqualTo("12,5%");
        assertThat(ExplanationText.threshold(com.mspscorecard.scoring.engine.Quantity.FRACTION,
                new BigDecimal("0.200"), Locale.ITALIAN)).isEqualTo("20%");
    }
}
