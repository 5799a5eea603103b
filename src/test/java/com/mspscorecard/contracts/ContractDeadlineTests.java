package com.mspscorecard.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import com.mspscorecard.clients.ClientStatus;
import com.mspscorecard.clients.ContractTerms;
import org.junit.jupiter.api.Test;

class ContractDeadlineTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    static ContractTerms terms(LocalDate start, LocalDate end, Integer notice, boolean autoRenew) {
        return new ContractTerms(1, "Acme", null, ClientStatus.ACTIVE, start, end, notice, autoRenew, null);
    }

    @Test
    void theNoticeDeadlineIsTheRenewalLessTheNoticePeriod() {
        ContractDeadline d = ContractDeadline.of(terms(LocalDate.of(2026, 1, 31), LocalDate.of(2027, 1, 31), 30, true), TODAY);
        assertThat(d.renewal()).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(d.noticeBy()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(d.nextExit()).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(d.noticePassed(TODAY)).isFalse();
    }

    @Test
    void aContractThatRenewsOnItsOwnRollsForwardBySameTerm() {
        ContractDeadline d = ContractDeadline.of(terms(LocalDate.of(2024, 3, 1), LocalDate.of(2025, 3, 1), 60, true), TODAY);
        assertThat(d.renewal()).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(d.noticeBy()).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void onceTheNoticeDeadlineHasPassedTheNextExitIsTheRenewalAfter() {
        ContractDeadline d = ContractDeadline.of(terms(LocalDate.of(2025, 12, 15), LocalDate.of(2026, 12, 15), 30, true), TODAY);
        assertThat(d.noticePassed(TODAY)).isTrue();
        assertThat(d.renewal()).isEqualTo(LocalDate.of(2026, 12, 15));
        assertThat(d.nextExit()).isEqualTo(LocalDate.of(2027, 12, 15));
    }

    @Test
    void aContractThatDoesNotRenewEndsOnItsEndDateWhateverTheNotice() {
        ContractDeadline d = ContractDeadline.of(terms(null, LocalDate.of(2026, 12, 15), 30, false), TODAY);
        assertThat(d.nextExit()).isEqualTo(LocalDate.of(2026, 12, 15));
        assertThat(ContractDeadline.of(terms(null, LocalDate.of(2026, 1, 15), 30, false), TODAY).problem())
                .isEqualTo(ContractDeadline.Problem.ENDED);
    }

    @Test
    void missingDatesGiveNoDeadlineRatherThanAWrongOne() {
        assertThat(ContractDeadline.of(terms(null, null, 30, true), TODAY).problem())
                .isEqualTo(ContractDeadline.Problem.MISSING_END_OR_NOTICE);
        assertThat(ContractDeadline.of(terms(null, LocalDate.of(2027, 1, 1), null, true), TODAY).problem())
                .isEqualTo(ContractDeadline.Problem.MISSING_END_OR_NOTICE);
        ContractDeadline rolled = ContractDeadline.of(terms(null, LocalDate.of(2026, 1, 1), 30, true), TODAY);
        assertThat(rolled.problem()).isEqualTo(ContractDeadline.Problem.MISSING_START);
        assertThat(rolled.noticeBy()).isNull();
    }

    @Test
    void calendarTextIsEscapedAndLinesAreFolded() {
        String ics = ICalendar.write("Deadlines", java.util.List.of(new ICalendar.Event("u1", TODAY,
                "Rossi, Bianchi; \\ e figli\nS.p.A. " + "x".repeat(80))), java.time.Instant.parse("2026-11-29T10:00:00Z"));
        assertThat(ics).contains("SUMMARY:Rossi\\, Bianchi\\; \\\\ e figli\\nS.p.A.");
        assertThat(ics).contains("DTSTART;VALUE=DATE:20261129\r\n");
        assertThat(ics.split("\r\n")).allSatisfy(line -> assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
    }
}
