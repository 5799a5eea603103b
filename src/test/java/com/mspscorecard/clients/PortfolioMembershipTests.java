package com.mspscorecard.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PortfolioMembershipTests {

    static PortfolioMembership.StatusChange change(ClientStatus status, String day) {
        return new PortfolioMembership.StatusChange(status, LocalDate.parse(day));
    }

    @Test
    void aClientWithoutChangesHasAlwaysBeenActive() {
        PortfolioMembership membership = new PortfolioMembership(Map.of());
        assertThat(membership.statusIn(7, YearMonth.of(2020, 1))).isEqualTo(ClientStatus.ACTIVE);
        assertThat(membership.counts(7, YearMonth.of(2030, 1))).isTrue();
    }

    @Test
    void anOffboardingClientCountsUntilTheMonthAfterItsExitAndEarlierMonthsNeverChange() {
        PortfolioMembership membership = new PortfolioMembership(Map.of(1L, List.of(
                change(ClientStatus.OFFBOARDING, "2026-11-29"), change(ClientStatus.OFFBOARDED, "2027-03-15"))));
        assertThat(membership.counts(1, YearMonth.of(2026, 10))).isTrue();
        assertThat(membership.statusIn(1, YearMonth.of(2026, 12))).isEqualTo(ClientStatus.OFFBOARDING);
        assertThat(membership.counts(1, YearMonth.of(2027, 3))).isTrue();
        assertThat(membership.counts(1, YearMonth.of(2027, 4))).isFalse();
        assertThat(membership.statusOn(1, LocalDate.parse("2027-03-14"))).isEqualTo(ClientStatus.OFFBOARDING);
    }

    @Test
    void theLaterChangeOfADayWinsAndAReturnToActiveCountsAgain() {
        PortfolioMembership membership = new PortfolioMembership(Map.of(2L, List.of(
                change(ClientStatus.OFFBOARDED, "2026-02-01"), change(ClientStatus.ACTIVE, "2026-05-01"),
                change(ClientStatus.OFFBOARDING, "2026-06-10"), change(ClientStatus.ACTIVE, "2026-06-10"))));
        assertThat(membership.counts(2, YearMonth.of(2026, 1))).isTrue();
        assertThat(membership.counts(2, YearMonth.of(2026, 3))).isFalse();
        assertThat(membership.counts(2, YearMonth.of(2026, 5))).isTrue();
        assertThat(membership.statusOn(2, LocalDate.parse("2026-06-10"))).isEqualTo(ClientStatus.ACTIVE);
    }
}
