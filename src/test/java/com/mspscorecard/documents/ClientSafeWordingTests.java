package com.mspscorecard.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * What a client may read of a scorecard: every reason, dealbreaker and rule, in both languages,
 * comes out as a professional phrase or not at all; the review topics of the client reports never
 * carry conduct, incidents or the staff vote.
 */
class ClientSafeWordingTests {

    /** Every code a scorecard's reasons and breakdown can hold: rules, dealbreakers, reasons. */
    static final List<String> CODES = List.of("rule.late_payments", "rule.days_to_pay", "rule.disputed_invoices",
            "rule.ticket_load", "rule.reopened_tickets", "rule.admin_requests", "rule.escalations",
            "rule.ignored_recommendations", "rule.red_flag_incidents", "rule.staff_vote", "rule.security_incidents",
            "rule.gross_margin", "dealbreaker.abusive_treatment", "dealbreaker.disrespect",
            "dealbreaker.recurring_late_payments", "dealbreaker.repeated_security_alarms", "reason.grade",
            "reason.keep", "reason.worsening", "reason.drain", "reason.raise_price", "reason.cost",
            "reason.dependency_risk", "reason.insufficient_data", "red_flag_incidents", "staff_vote");

    static final List<String> NEVER = List.of("abus", "disrespect", "rispetto", "incident", "vote", "voto",
            "grade", "giudizio", "offboard", "disdetta", "worsen", "peggior", "staff", "personale");

    private final ClientSafeWording wording = new ClientSafeWording(messages());

    @Test
    void everyCodeComesOutInProfessionalWordsInBothLanguages() {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.ITALIAN)) {
            for (String code : CODES) {
                for (String phrase : wording.reasons(List.of(code), locale)) {
                    assertThat(phrase.toLowerCase(Locale.ROOT)).as("%s in %s", code, locale)
                            .isNotBlank().doesNotContain(NEVER);
                }
            }
        }
    }

    @Test
    void aReviewRaisesServiceTopicsOnlyNeverConductIncidentsOrTheVote() {
        assertThat(wording.reviewTopics(CODES)).containsExactly("payment", "service_cost", "security");
        assertThat(wording.reviewTopics(List.of("dealbreaker.abusive_treatment", "dealbreaker.disrespect",
                "red_flag_incidents", "staff_vote", "reason.grade"))).isEmpty();
        assertThat(wording.reviewTopics(List.of("dealbreaker.repeated_security_alarms", "late_payments",
                "security_incidents"))).containsExactly("security", "payment");
        // A letter is never left without a reason; a review may have no topic at all.
        assertThat(wording.reasons(List.of("staff_vote"), Locale.ENGLISH)).hasSize(1);
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/actions");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
