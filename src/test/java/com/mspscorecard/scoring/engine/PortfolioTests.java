package com.mspscorecard.scoring.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;

import static com.mspscorecard.metrics.Metric.*;
import static org.assertj.core.api.Assertions.assertThat;

class PortfolioTests {

    static final YearMonth JUNE = YearMonth.of(2026, 6);

    /*
     * Six clients, so the top 20% is ceil(1.2) = 2 clients.
     * Revenue 10,000 in all: shares .50 .30 .10 .05 .04 .01; top 2 = clients 1 and 2 = 80%.
     * Hours 100 in all (clients 1, 2, 3, 5): shares .1 .2 .6 .1. Client 4 has no hours, so its
     * effort is its share of tickets (30 of 90, client 1's 60 tickets count in the total): .333333.
     * Client 6 has neither. By effort: 3 (.6), 4 (.333333), 2 (.2), 1 (.1), 5 (.1).
     * Drains (not top 2 by revenue, top 2 by effort): 3 and 4.
     * Effort headline: (.6 + .333333) ÷ (.6 + .333333 + .2 + .1 + .1) = .933333 ÷ 1.333333 = .700000.
     */
    static Portfolio portfolio() {
        return Portfolio.of(JUNE, Map.of(
                1L, figures("5000", "10", "60"),
                2L, figures("3000", "20", null),
                3L, figures("1000", "60", null),
                4L, figures("500", null, "30"),
                5L, figures("400", "10", null),
                6L, figures("100", null, null)));
    }

    static PortfolioFigures figures(String revenue, String hours, String tickets) {
        return new PortfolioFigures(new BigDecimal(revenue),
                hours == null ? null : new BigDecimal(hours), tickets == null ? null : new BigDecimal(tickets));
    }

    @Test
    void ranksClientsByRevenueAndEffort() {
        Portfolio portfolio = portfolio();

        assertThat(portfolio.positions().keySet()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(portfolio.position(1).orElseThrow().revenueShare()).isEqualByComparingTo("0.5");
        assertThat(portfolio.position(4).orElseThrow().effortShare()).isEqualByComparingTo("0.333333");
        assertThat(portfolio.position(6).orElseThrow().effortShare()).isNull();
        assertThat(portfolio.effortCurve()).extracting(ParetoPoint::clientId).containsExactly(3L, 4L, 2L, 1L, 5L);
        assertThat(portfolio.position(1).orElseThrow().isTopByRevenue(20)).isTrue();
        assertThat(portfolio.position(3).orElseThrow().isTopByRevenue(20)).isFalse();
        assertThat(portfolio.position(2).orElseThrow().isTopByEffort(20)).isFalse();
        assertThat(portfolio.position(6).orElseThrow().isTopByEffort(100)).isFalse();
    }

    @Test
    void findsTheDrains() {
        assertThat(portfolio().drains(20, 20)).containsExactly(3L, 4L);
        // With a top half by revenue, client 3 (rank 3 of 6) is no longer a drain.
        assertThat(portfolio().drains(50, 20)).containsExactly(4L);
    }

    @Test
    void flagsDependencyRiskFromTheModelsShare() {
        Portfolio portfolio = portfolio();
        BigDecimal share = ScoringModel.defaults().dependencyShare();

        assertThat(portfolio.position(2).orElseThrow().isDependencyRisk(share)).isTrue();
        assertThat(portfolio.position(3).orElseThrow().isDependencyRisk(share)).isFalse();
        assertThat(portfolio.position(3).orElseThrow().isDependencyRisk(new BigDecimal("0.10"))).isTrue();
    }

    @Test
    void givesTheParetoHeadlinesAndCurves() {
        Portfolio portfolio = portfolio();

        assertThat(portfolio.revenueShareOfTop(20)).isEqualByComparingTo("0.8");
        assertThat(portfolio.effortShareOfTop(20)).isEqualByComparingTo("0.7");
        assertThat(portfolio.revenueCurve()).extracting(p -> p.cumulativeShare().stripTrailingZeros().toPlainString())
                .containsExactly("0.5", "0.8", "0.9", "0.95", "0.99", "1");
        assertThat(portfolio.revenueCurve().get(1).clientShare()).isEqualByComparingTo("0.333333");
    }

    @Test
    void anEmptyOrRevenuelessPortfolioHasNoShares() {
        assertThat(Portfolio.of(JUNE, Map.of()).revenueShareOfTop(20)).isZero();
        Portfolio zero = Portfolio.of(JUNE, Map.of(1L, figures("0", null, null), 2L, figures("0", null, null)));
        assertThat(zero.position(1).orElseThrow().revenueShare()).isZero();
        assertThat(zero.effortShareOfTop(20)).isZero();
    }

    @ParameterizedTest(name = "top {1}% of {0} clients = {2}")
    @CsvSource({"1, 20, 1", "5, 20, 1", "6, 20, 2", "10, 20, 2", "11, 20, 3", "100, 20, 20", "3, 100, 3"})
    void roundsTheTopUp(int clients, int percent, int expected) {
        assertThat(PortfolioPosition.topCount(clients, percent)).isEqualTo(expected);
    }
}
