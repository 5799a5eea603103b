package com.mspscorecard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every text a page shows exists in English and in Italian. */
class MessageBundlesTests {

    private static final Path MESSAGES = Path.of("src/main/resources/messages");

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    /** A literal message key in a template: #{clients.title}, not #{${…}} built at run time. */
    private static final Pattern KEY = Pattern.compile("#\\{([A-Za-z0-9_.\\-]+)[}(]");

    @Test
    void everyEnglishMessageHasAnItalianTranslation() throws IOException {
        try (Stream<Path> files = Files.list(MESSAGES)) {
            for (Path english : files.filter(p -> !p.toString().endsWith("_it.properties")).toList()) {
                Path italian = Path.of(english.toString().replace(".properties", "_it.properties"));
                Set<String> missing = new TreeSet<>(load(english).stringPropertyNames());
                missing.removeAll(load(italian).stringPropertyNames());
                assertThat(missing).as("keys of %s missing in %s", english.getFileName(), italian.getFileName())
                        .isEmpty();
            }
        }
    }

    @Test
    void everyMessageKeyATemplateNamesExists() throws IOException {
        Set<String> known = new HashSet<>();
        try (Stream<Path> files = Files.list(MESSAGES)) {
            for (Path english : files.filter(p -> !p.toString().endsWith("_it.properties")).toList()) {
                known.addAll(load(english).stringPropertyNames());
            }
        }
        Set<String> unknown = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(TEMPLATES)) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = KEY.matcher(Files.readString(template));
                while (m.find()) {
                    if (!known.contains(m.group(1))) {
                        unknown.add(TEMPLATES.relativize(template) + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(unknown).as("message keys used by templates but defined nowhere").isEmpty();
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
