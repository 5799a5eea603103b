package com.mspscorecard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Grade badges carry white bold text at body size: WCAG 2.1 AA asks 4.5:1 for it. The ratio is
 * computed from the colours the stylesheet really ships.
 */
class GradeBadgeContrastTests {

    private static final Pattern BADGE = Pattern.compile("\\.grade-(\\w+)\\s*\\{\\s*background:\\s*#([0-9a-fA-F]{6})");

    @Test
    void everyGradeBadgeReadsAtLeast4Point5To1AgainstWhite() throws IOException {
        Map<String, Double> ratios = new LinkedHashMap<>();
        Matcher m = BADGE.matcher(stylesheet());
        while (m.find()) {
            ratios.put(m.group(1), contrastWithWhite(m.group(2)));
        }
        assertThat(ratios).containsKeys("A", "B", "C", "D", "F", "none");
        assertThat(ratios).allSatisfy((grade, ratio) -> assertThat(ratio).as("grade %s", grade).isGreaterThanOrEqualTo(4.5));
    }

    private static String stylesheet() throws IOException {
        try (InputStream in = GradeBadgeContrastTests.class.getResourceAsStream("/static/css/app.css")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static double contrastWithWhite(String hex) {
        double luminance = 0.2126 * channel(hex, 0) + 0.7152 * channel(hex, 2) + 0.0722 * channel(hex, 4);
        return 1.05 / (luminance + 0.05);
    }

    private static double channel(String hex, int at) {
        double c = Integer.parseInt(hex.substring(at, at + 2), 16) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
