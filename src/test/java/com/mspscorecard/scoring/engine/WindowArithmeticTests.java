package com.mspscorecard.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import com.mspscorecard.metrics.Metric;
import org.junit.jupiter.api.Test;

/**
 * The windows add figures as unscaled longs: every rule must measure exactly what plain
 * {@link BigDecimal} arithmetic over the same figures gives (the way the engine computed them until
 * session 8), on random histories with gaps, zeros, blanks and values up to each column's limit.
 */
class WindowArithmeticTests {

    private static final YearMonth FIRST = YearMonth.of(2021, 1);
    private static final int MONTHS = 30;

    @Test
    void everyRuleMeasuresWhatBigDecimalArithmeticGives() {
        Random random = new Random(8);
        for (int c = 0; c < 400; c++) {
            boolean huge = c % 10 == 0;
            Integer defaultEndpoints = random.nextInt(4) == 0 ? null : random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(300);
            List<MonthlyFigures> figures = new ArrayList<>();
            for (int m = 0; m < MONTHS; m++) {
                if (random.nextInt(8) == 0) {
                    continue;
                }
                Map<Metric, BigDecimal> values = new EnumMap<>(Metric.class);
                for (Metric metric : Metric.values()) {
                    int roll = random.nextInt(10);
                    if (roll == 0) {
                        continue;
                    }
                    values.put(metric, roll == 1 ? BigDecimal.ZERO.setScale(metric.kind().scale())
                            : value(random, metric, huge));
                }
                figures.add(new MonthlyFigures(FIRST.plusMonths(m), values));
            }
            ClientHistory history = ClientHistory.of(c, PaymentTerms.NET_30, defaultEndpoints, figures, List.of(),
                    Map.of());
            for (int m = 0; m < MONTHS; m++) {
                YearMonth month = FIRST.plusMonths(m);
                for (int length : new int[] {1, 3, 6, 12}) {
                    Reference reference = new Reference(figures, defaultEndpoints, month, length);
                    assertThat(value("late_payments", history, month, length))
                            .isEqualTo(reference.sum(Metric.LATE_PAYMENTS));
                    assertThat(value("days_to_pay", history, month, length))
                            .isEqualTo(reference.mean(Metric.AVG_DAYS_TO_PAY));
                    assertThat(value("escalations", history, month, length))
                            .isEqualTo(reference.mean(Metric.ESCALATIONS));
                    assertThat(value("disputed_invoices", history, month, length))
                            .isEqualTo(reference.ratio(Metric.DISPUTED_INVOICES, Metric.INVOICES_ISSUED));
                    assertThat(value("reopened_tickets", history, month, length))
                            .isEqualTo(reference.ratio(Metric.REOPENED_TICKETS, Metric.NEW_TICKETS));
                    assertThat(value("ticket_load", history, month, length))
                            .isEqualTo(reference.perEndpoint(Metric.NEW_TICKETS));
                    assertThat(value("admin_requests", history, month, length))
                            .isEqualTo(reference.perEndpoint(Metric.ADMIN_REQUESTS));
                    assertThat(value("ignored_recommendations", history, month, length))
                            .isEqualTo(reference.share(Metric.RECOMMENDATIONS_IGNORED, Metric.RECOMMENDATIONS_IMPLEMENTED));
                    assertThat(value("security_incidents", history, month, length))
                            .isEqualTo(reference.sum(Metric.SECURITY_INCIDENTS));
                    assertThat(value("gross_margin", history, month, length)).isEqualTo(reference.margin());
                }
            }
        }
    }

    @Test
    void aTicketLoadOfBillionsIsMeasuredNotOverflowed() {
        ClientHistory history = HistoryBuilder.client().endpoints(3)
                .month("2026-04", Metric.NEW_TICKETS, 2_147_483_647)
                .month("2026-05", Metric.NEW_TICKETS, 2_000_000_000, Metric.ENDPOINTS, 1)
                .month("2026-06", Metric.NEW_TICKETS, 7).build();
        // (715827882.3333333333 + 2000000000 + 2.3333333333) ÷ 3
        assertThat(value("ticket_load", history, YearMonth.of(2026, 6), 3)).isEqualByComparingTo("905275961.5556");
    }

    @Test
    void aFigureWithMoreDecimalsThanItsColumnIsRefused() {
        assertThatThrownBy(() -> new MonthlyFigures(FIRST, Map.of(Metric.REVENUE, new BigDecimal("10.005"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("revenue");
        assertThat(new MonthlyFigures(FIRST, Map.of(Metric.NEW_TICKETS, new BigDecimal("4.0"))).get(Metric.NEW_TICKETS))
                .contains(BigDecimal.valueOf(4));
    }

    private static BigDecimal value(String rule, ClientHistory history, YearMonth month, int length) {
        return Rules.byKey(rule).orElseThrow().value(history, month, length);
    }

    private static BigDecimal value(Random random, Metric metric, boolean huge) {
        int scale = metric.kind().scale();
        long bound = switch (metric) {
            case AVG_DAYS_TO_PAY -> huge ? 99_999_999L : 12_000;
            case HOURS_SPENT -> huge ? 9_999_999_999L : 40_000;
            case REVENUE, DELIVERY_COST -> huge ? 99_999_999_999_999L : 5_000_000;
            default -> huge ? Integer.MAX_VALUE : 40;
        };
        return BigDecimal.valueOf(Math.floorMod(random.nextLong(), bound) + 1, scale);
    }

    /** The window's aggregates in BigDecimal, as the engine once computed them. */
    private record Reference(List<MonthlyFigures> window, Integer defaultEndpoints) {

        Reference(List<MonthlyFigures> figures, Integer defaultEndpoints, YearMonth month, int length) {
            this(figures.stream().filter(f -> !f.month().isAfter(month)
                    && f.month().isAfter(month.minusMonths(length))).toList(), defaultEndpoints);
        }

        BigDecimal sum(Metric metric) {
            BigDecimal sum = null;
            for (MonthlyFigures f : window) {
                BigDecimal value = f.get(metric).orElse(null);
                if (value != null) {
                    sum = sum == null ? value : sum.add(value);
                }
            }
            return sum;
        }

        BigDecimal mean(Metric metric) {
            List<BigDecimal> values = values(f -> f.get(metric).orElse(null));
            return values.isEmpty() ? null
                    : divide(values.stream().reduce(BigDecimal.ZERO, BigDecimal::add), BigDecimal.valueOf(values.size()));
        }

        BigDecimal ratio(Metric numerator, Metric denominator) {
            BigDecimal top = BigDecimal.ZERO;
            BigDecimal bottom = BigDecimal.ZERO;
            for (MonthlyFigures f : window) {
                if (f.get(numerator).isPresent() && f.get(denominator).isPresent()) {
                    top = top.add(f.get(numerator).get());
                    bottom = bottom.add(f.get(denominator).get());
                }
            }
            return bottom.signum() == 0 ? null : divide(top, bottom);
        }

        BigDecimal share(Metric part, Metric other) {
            BigDecimal top = BigDecimal.ZERO;
            BigDecimal bottom = BigDecimal.ZERO;
            for (MonthlyFigures f : window) {
                if (f.get(part).isPresent() && f.get(other).isPresent()) {
                    top = top.add(f.get(part).get());
                    bottom = bottom.add(f.get(part).get()).add(f.get(other).get());
                }
            }
            return bottom.signum() == 0 ? null : divide(top, bottom);
        }

        BigDecimal perEndpoint(Metric metric) {
            List<BigDecimal> quotients = values(f -> {
                BigDecimal value = f.get(metric).orElse(null);
                BigDecimal endpoints = f.get(Metric.ENDPOINTS)
                        .orElse(defaultEndpoints == null ? null : BigDecimal.valueOf(defaultEndpoints));
                return value == null || endpoints == null || endpoints.signum() == 0 ? null
                        : value.divide(endpoints, 10, RoundingMode.HALF_UP);
            });
            return quotients.isEmpty() ? null
                    : divide(quotients.stream().reduce(BigDecimal.ZERO, BigDecimal::add), BigDecimal.valueOf(quotients.size()));
        }

        BigDecimal margin() {
            BigDecimal revenue = BigDecimal.ZERO;
            BigDecimal cost = BigDecimal.ZERO;
            for (MonthlyFigures f : window) {
                if (f.get(Metric.REVENUE).isPresent() && f.get(Metric.DELIVERY_COST).isPresent()) {
                    revenue = revenue.add(f.get(Metric.REVENUE).get());
                    cost = cost.add(f.get(Metric.DELIVERY_COST).get());
                }
            }
            return revenue.signum() == 0 ? null : divide(revenue.subtract(cost), revenue);
        }

        private List<BigDecimal> values(Function<MonthlyFigures, BigDecimal> value) {
            List<BigDecimal> values = new ArrayList<>();
            for (MonthlyFigures f : window) {
                BigDecimal v = value.apply(f);
                if (v != null) {
                    values.add(v);
                }
            }
            return values;
        }

        private static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
            return dividend.divide(divisor, 10, RoundingMode.HALF_UP).setScale(4, RoundingMode.HALF_UP);
        }
    }
}
