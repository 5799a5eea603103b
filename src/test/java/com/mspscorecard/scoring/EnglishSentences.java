package com.mspscorecard.scoring;

import java.util.Locale;

import com.mspscorecard.scoring.engine.Explanation;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The engine's sentences in English, written from the scoring bundle exactly as the API writes them. */
public final class EnglishSentences {

    private static final ExplanationText TEXT;

    static {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/scoring");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        TEXT = new ExplanationText(messages);
    }

    private EnglishSentences() {
    }

    public static String of(Explanation explanation) {
        return of(explanation, Locale.ENGLISH);
    }

    public static String of(Explanation explanation, Locale locale) {
        return TEXT.of(explanation.code(), explanation.args(), locale);
    }
}
