package com.mspscorecard.metrics;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

/**
 * The monthly metrics of a client, by the names the CSV import, the API and the pages share.
 * An absent value always means "no data", never zero.
 */
public enum Metric {

    NEW_TICKETS(Kind.COUNT),
    REOPENED_TICKETS(Kind.COUNT),
    ADMIN_REQUESTS(Kind.COUNT),
    ESCALATIONS(Kind.COUNT),
    INVOICES_ISSUED(Kind.COUNT),
    DISPUTED_INVOICES(Kind.COUNT),
    LATE_PAYMENTS(Kind.COUNT),
    AVG_DAYS_TO_PAY(Kind.DECIMAL),
    REVENUE(Kind.MONEY),
    DELIVERY_COST(Kind.MONEY),
    HOURS_SPENT(Kind.DECIMAL),
    RECOMMENDATIONS_MADE(Kind.COUNT),
    RECOMMENDATIONS_IMPLEMENTED(Kind.COUNT),
    RECOMMENDATIONS_IGNORED(Kind.COUNT),
    SECURITY_INCIDENTS(Kind.COUNT),
    ENDPOINTS(Kind.COUNT);

    /** How a metric's value is written and stored. */
    public enum Kind {
        /** A whole number, at least 0. */
        COUNT(0),
        /** A decimal number, at least 0, with at most two decimals. */
        DECIMAL(2),
        /** An amount of money in the configured currency, exactly two decimals at most. */
        MONEY(2);

        private final int scale;

        Kind(int scale) {
            this.scale = scale;
        }

        public int scale() {
            return scale;
        }
    }

    /**
     * No data, where values travel as unscaled whole numbers at their metric's scale (12345 is
     * 123.45 for money): bulk writes and reads, and the engine's figures.
     */
    public static final long NO_DATA = Long.MIN_VALUE;

    private final Kind kind;
    private final String fieldName;

    Metric(Kind kind) {
        this.kind = kind;
        this.fieldName = name().toLowerCase(java.util.Locale.ROOT);
    }

    public Kind kind() {
        return kind;
    }

    /**
     * The value as a whole number at this metric's scale (123.45 money is 12345), as bulk writes, reads
     * and the engine carry it.
     *
     * @throws ArithmeticException when it has more decimals than the scale or does not fit a long
     */
    public long unscaled(BigDecimal value) {
        // At scale 0 with the same digits, longValueExact() reads BigDecimal's compact long, where
        // unscaledValue() made a BigInteger for every cell of an import.
        return value.setScale(kind.scale()).movePointRight(kind.scale()).longValueExact();
    }

    /** The field name used in CSV headers, JSON and columns: {@code new_tickets}. */
    public String fieldName() {
        return fieldName;
    }

    public static Optional<Metric> byFieldName(String fieldName) {
        return Arrays.stream(values()).filter(m -> m.fieldName().equals(fieldName)).findFirst();
    }
}
