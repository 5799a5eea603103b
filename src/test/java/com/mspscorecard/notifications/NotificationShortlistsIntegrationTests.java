package com.mspscorecard.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.mspscorecard.notifications.internal.AlertNotice;
import com.mspscorecard.notifications.internal.DigestNotice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A digest or an alert about thousands of clients names the first thirty of each list, then says how
 * many more there are and links to where they all are: the mail, its text part and the notifications
 * page (which writes notices with the same fragment), in English and Italian.
 */
@SpringBootTest
class NotificationShortlistsIntegrationTests {

    @Autowired
    MailWriter writer;

    @Test
    void aDigestOfAMonthNobodyEnteredNamesThirtyClientsAndCountsTheRest() {
        List<DigestNotice.ClientName> missing = new ArrayList<>();
        for (int i = 1; i <= 1_234; i++) {
            missing.add(new DigestNotice.ClientName(i, "Missing client " + i));
        }
        DigestNotice notice = new DigestNotice("2026-11", "2026-10", "2026-10", true,
                List.of(new DigestNotice.GradeChange(7, "Graded client", "B", "C", true)), List.of(), List.of(),
                List.of(), missing);

        MailWriter.Written english = writer.digest(notice, "Olivia", Locale.ENGLISH, false);
        for (String body : List.of(english.text(), english.html())) {
            assertThat(body).contains("Missing client 30").doesNotContain("Missing client 31")
                    .contains("… and 1,204 more").contains("/metrics/entry?month=2026-10")
                    .contains("Graded client");
        }
        MailWriter.Written italian = writer.digest(notice, "Olivia", Locale.ITALIAN, false);
        for (String body : List.of(italian.text(), italian.html())) {
            assertThat(body).contains("Missing client 30").doesNotContain("Missing client 31")
                    .contains("… e altri 1.204");
        }
    }

    @Test
    void anAlertAboutManyClientsCountsAllOfThemAndNamesThirty() {
        List<AlertNotice.Item> items = new ArrayList<>();
        for (int i = 1; i <= 31; i++) {
            items.add(new AlertNotice.Item(i, "Dropped client " + i, AlertNotice.Cause.GRADE_DROP, "B", "D", List.of()));
        }
        MailWriter.Written written = writer.alert(new AlertNotice(items), "Olivia", Locale.ENGLISH);

        assertThat(written.subject()).contains("31");
        for (String body : List.of(written.text(), written.html())) {
            assertThat(body).contains("31 changes after one update").contains("Dropped client 30")
                    .doesNotContain("Dropped client 31").contains("… and 1 more")
                    .contains("/scorecards");
        }
    }
}
