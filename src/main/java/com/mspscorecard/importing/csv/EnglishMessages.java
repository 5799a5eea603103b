package com.mspscorecard.importing.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The English sentence of a problem, from the very text the pages show in English
 * ({@code messages/importing.properties}), so that the API's English and the pages cannot drift
 * apart. Read without Spring, to keep this package plain Java, and formatted as Spring's
 * {@code MessageSource} formats it: {@link MessageFormat} only when there are arguments.
 */
final class EnglishMessages {

    static final String BUNDLE = "/messages/importing.properties";

    private static final Properties TEXTS = load();

    private EnglishMessages() {
    }

    static String format(String code, List<Object> args) {
        String pattern = TEXTS.getProperty(code);
        if (pattern == null) {
            throw new IllegalStateException("No English text for " + code + " in " + BUNDLE);
        }
        return args.isEmpty() ? pattern : new MessageFormat(pattern, Locale.ENGLISH).format(args.toArray());
    }

    private static Properties load() {
        Properties texts = new Properties();
        try (InputStream in = EnglishMessages.class.getResourceAsStream(BUNDLE)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLE + " is not on the classpath");
            }
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return texts;
    }
}
