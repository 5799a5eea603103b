package com.mspscorecard.audit.internal;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.mspscorecard.audit.AuditEvent.FieldChange;
import com.mspscorecard.audit.AuditEvent.Word;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Words stored audit entries in the reader's language, from {@code audit.event.<code>} and the labels
 * the rest of the application already uses for fields and values. Nothing here is stored.
 */
@Component
public class AuditSentences {

    /** Where each entity's field labels live in the bundles. */
    private static final Map<String, String> FIELD_LABELS = Map.of("SNAPSHOT", "metric.", "CLIENT", "client.field.",
            "USER", "audit.field.user.");

    /** Fields whose values are constants with a label of their own. */
    private static final Map<String, String> VALUE_LABELS = Map.of("status", "client.status.", "paymentTerms",
            "client.terms.", "role", "role.", "enabled", "audit.enabled.");

    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final MessageSource messages;

    public AuditSentences(MessageSource messages) {
        this.messages = messages;
    }

    /** One row of the audit page. */
    public record Row(AuditEntry entry, String sentence, List<Change> changes) {
    }

    /** One changed field, labelled and with its values, in the reader's language. */
    public record Change(String field, String oldValue, String newValue) {
    }

    public Row row(AuditEntry entry, Locale locale) {
        String sentence = entry.legacy()
                ? messages.getMessage("audit.legacy", new Object[] { entry.summary() }, locale)
                : messages.getMessage("audit.event." + entry.code(), arguments(entry.args(), locale),
                        "audit.event." + entry.code(), locale);
        List<Change> changes = entry.changes().stream().map(c -> change(entry.entityType(), c, locale)).toList();
        return new Row(entry, sentence, changes);
    }

    private Object[] arguments(List<Object> args, Locale locale) {
        return args.stream().map(arg -> argument(arg, locale)).toArray();
    }

    private Object argument(Object arg, Locale locale) {
        if (arg instanceof LocalDate date) {
            return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
        }
        if (arg instanceof YearMonth month) {
            return DateTimeFormatter.ofPattern("LLLL yyyy", locale).format(month);
        }
        if (arg instanceof Word word) {
            return messages.getMessage(word.key(), null, word.key(), locale);
        }
        if (arg instanceof BigDecimal decimal) {
            return number(decimal, locale);
        }
        return arg;
    }

    private Change change(String entityType, FieldChange change, Locale locale) {
        String prefix = FIELD_LABELS.getOrDefault(entityType, "audit.field.");
        String label = messages.getMessage(prefix + change.field(), null, change.field(), locale);
        return new Change(label, value(change.field(), change.oldValue(), locale),
                value(change.field(), change.newValue(), locale));
    }

    private String value(String field, String value, Locale locale) {
        if (value == null || value.isEmpty()) {
            return messages.getMessage("audit.noValue", null, locale);
        }
        String constants = VALUE_LABELS.get(field);
        if (constants != null) {
            return messages.getMessage(constants + value, null, value, locale);
        }
        if (DECIMAL.matcher(value).matches() && !field.toLowerCase(Locale.ROOT).endsWith("id")) {
            return number(new BigDecimal(value), locale);
        }
        if (DATE.matcher(value).matches()) {
            return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
                    .format(LocalDate.parse(value));
        }
        return value;
    }

    private static String number(BigDecimal value, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(Math.max(value.scale(), 0));
        format.setMaximumFractionDigits(Math.max(value.scale(), 0));
        return format.format(value);
    }
}
