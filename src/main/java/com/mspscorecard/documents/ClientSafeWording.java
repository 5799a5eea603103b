package com.mspscorecard.documents;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A scorecard's reasons as a client may read them. The internal words never leave: conduct
 * ("abusive", "disrespect"), red-flag incidents, the staff vote, grades and "worsening" are either
 * turned into a professional phrase about the working relationship or left out. Each phrase
 * appears once, in the bundles' {@code document.reason.*} keys.
 */
@Component
public class ClientSafeWording {

    /** Reason code (its last part) → phrase; codes not listed are left out of client documents. */
    private static final Map<String, String> PHRASES = Map.ofEntries(
            Map.entry("abusive_treatment", "relationship"),
            Map.entry("disrespect", "approach"),
            Map.entry("recurring_late_payments", "payment"),
            Map.entry("late_payments", "payment"),
            Map.entry("days_to_pay", "payment"),
            Map.entry("disputed_invoices", "payment"),
            Map.entry("repeated_security_alarms", "security"),
            Map.entry("security_incidents", "security"),
            Map.entry("ignored_recommendations", "security"),
            Map.entry("ticket_load", "service_cost"),
            Map.entry("admin_requests", "service_cost"),
            Map.entry("reopened_tickets", "service_cost"),
            Map.entry("escalations", "service_cost"),
            Map.entry("gross_margin", "service_cost"),
            Map.entry("drain", "service_cost"),
            Map.entry("raise_price", "service_cost"));

    /**
     * Phrases about conduct, said once in a notice letter and never in a business review: a review
     * with the client talks about the service (payment, security, what support costs), not about
     * how the client treats the staff.
     */
    private static final Set<String> CONDUCT = Set.of("relationship", "approach");

    private final MessageSource messages;

    ClientSafeWording(MessageSource messages) {
        this.messages = messages;
    }

    /** The phrases for these reason codes, each once, in order; a general one when none applies. */
    public List<String> reasons(Collection<String> reasonCodes, Locale locale) {
        Set<String> keys = phraseKeys(reasonCodes);
        if (keys.isEmpty()) {
            keys.add("general");
        }
        return keys.stream().map(k -> messages.getMessage("document.reason." + k, null, locale)).toList();
    }

    /**
     * Topics a business review with the client may raise, for these reason codes or rule keys
     * ({@code late_payments}, {@code dealbreaker.repeated_security_alarms}): {@code payment},
     * {@code security} or {@code service_cost}, each once, in order. Conduct, incidents and the staff
     * vote give none, and there is no general fallback: without a topic the review has none.
     */
    public List<String> reviewTopics(Collection<String> codes) {
        Set<String> keys = phraseKeys(codes);
        keys.removeAll(CONDUCT);
        return List.copyOf(keys);
    }

    private static Set<String> phraseKeys(Collection<String> codes) {
        Set<String> keys = new LinkedHashSet<>();
        for (String code : codes) {
            String phrase = PHRASES.get(code.substring(code.lastIndexOf('.') + 1));
            if (phrase != null) {
                keys.add(phrase);
            }
        }
        return keys;
    }
}
