package com.mspscorecard.documents;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a template's {@code {{name}}} placeholders with plain text, in one pass: a value is never
 * scanned again, and nothing in a template or a value is evaluated ({@code ${...}}, {@code [[...]]}
 * and {@code #{...}} stay as written). An unknown placeholder stays as written too, so a typo shows.
 */
public final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z_]+)\\s*}}");

    private Placeholders() {
    }

    public static String fill(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 256);
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
