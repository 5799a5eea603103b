package com.mspscorecard.documents;

import java.util.List;
import java.util.Locale;

import com.mspscorecard.audit.AuditEvent;
import com.mspscorecard.audit.AuditTrail;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owner's letter templates: a notice of non-renewal ({@code NOTICE}) and a price increase
 * ({@code PRICE_RAISE}), in English and Italian. Placeholders are {@code {{name}}}, filled by
 * {@link Placeholders}; a template without a saved version is the bundle's default.
 */
@Service
public class LetterTemplates {

    public static final List<String> KINDS = List.of("NOTICE", "PRICE_RAISE");
    public static final List<String> LANGUAGES = List.of("en", "it");
    public static final int MAX_LENGTH = 20_000;

    private final JdbcTemplate jdbc;
    private final MessageSource messages;
    private final AuditTrail audit;

    LetterTemplates(JdbcTemplate jdbc, MessageSource messages, AuditTrail audit) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public String template(String kind, String language) {
        check(kind, language);
        List<String> saved = jdbc.queryForList("select body from letter_template where kind = ? and language = ?",
                String.class, kind, language);
        return saved.isEmpty() ? defaultTemplate(kind, language) : saved.get(0);
    }

    public String defaultTemplate(String kind, String language) {
        check(kind, language);
        return messages.getMessage("document.template." + kind, null, Locale.forLanguageTag(language));
    }

    /** Saves the owner's version; blank restores the default. */
    @Transactional
    public void save(String kind, String language, String body, String username) {
        check(kind, language);
        if (body == null || body.isBlank()) {
            jdbc.update("delete from letter_template where kind = ? and language = ?", kind, language);
        }
        else {
            if (body.length() > MAX_LENGTH || body.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("template too long or with NUL");
            }
            jdbc.update("""
                    insert into letter_template (kind, language, body, updated_by) values (?, ?, ?, ?)
                    on conflict (kind, language) do update set body = excluded.body,
                        updated_by = excluded.updated_by, updated_at = now()""", kind, language, body, username);
        }
        audit.record(AuditEvent.of("LETTER_TEMPLATE_SAVED", "LETTER_TEMPLATE", null,
                body == null || body.isBlank() ? "letterTemplate.reset" : "letterTemplate.saved", kind, language));
    }

    private static void check(String kind, String language) {
        if (!KINDS.contains(kind) || !LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("unknown template " + kind + "/" + language);
        }
    }
}
