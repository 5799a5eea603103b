package com.mspscorecard.importing.raw;

import com.mspscorecard.metrics.Metric;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Invoices. In the invoice's month: issued, revenue (credit notes negative, excluded types left out of revenue
 * only) and disputed (a status marked so). In the month it fell due: late, when paid after its due date or still
 * unpaid once its due date is within the export's range. In the month it was paid: days from invoice to payment,
 * for the average. A credit note (negative total, or a type naming a credit) counts only in revenue. An invoice
 * marked paid without a date (a zero balance, a paid flag) is neither late nor in the average: its payment day
 * is unknown.
 *
 * <p>The export's range runs from the first invoice date to the last invoice or payment date: invoices are often
 * all dated the 1st, and a payment proves the export was taken after it.
 */
final class InvoiceTally extends Tally {

    private final ColumnMapping mapping;
    private final SourceSettings settings;
    private final Set<String> disputed;
    private final Set<String> excluded;

    InvoiceTally(AggregationScope scope, ColumnMapping mapping, SourceSettings settings) {
        super(scope);
        this.mapping = mapping;
        this.settings = settings;
        this.disputed = lower(settings.disputedStatuses());
        this.excluded = lower(settings.excludedInvoiceTypes());
    }

    @Override
    void add(RowContext row) {
        LocalDate issued = row.date(RawField.INVOICE_DATE, true);
        if (issued == null || !inScope(issued)) {
            return;
        }
        ClientKey client = row.client(true);
        BigDecimal total = row.amount(RawField.TOTAL, true);
        LocalDate due = row.has(RawField.DUE_DATE) ? row.date(RawField.DUE_DATE, false) : null;
        LocalDate paidOn = row.has(RawField.PAID_DATE) ? row.date(RawField.PAID_DATE, false) : null;
        BigDecimal balance = row.has(RawField.BALANCE) ? row.amount(RawField.BALANCE, false) : null;
        if (row.failed() || duplicate(row.text(RawField.INVOICE_NUMBER))) {
            return;
        }
        String type = row.text(RawField.INVOICE_TYPE);
        String status = row.text(RawField.INVOICE_STATUS);
        distinct("invoiceType", type);
        distinct("invoiceStatus", status);
        String typeKey = type.toLowerCase(Locale.ROOT);
        boolean credit = total.signum() < 0 || typeKey.contains("credit");
        MonthTally month = month(client, issued);
        if (!excluded.contains(typeKey)) {
            month.revenue = month.revenue.add(credit ? total.abs().negate() : total);
        }
        if (credit) {
            return;
        }
        month.count(Metric.INVOICES_ISSUED);
        if (disputed.contains(status.toLowerCase(Locale.ROOT))) {
            month.count(Metric.DISPUTED_INVOICES);
        }
        if (paidOn != null) {
            reaches(paidOn);
            if (due != null && paidOn.isAfter(due)) {
                month(client, due).count(Metric.LATE_PAYMENTS);
            }
            MonthTally paidMonth = month(client, paidOn);
            paidMonth.paid++;
            paidMonth.paidDays += Math.max(0, ChronoUnit.DAYS.between(issued, paidOn));
        }
        else if (due != null && unpaid(row, balance)) {
            month(client, due).unpaidDue(due.getDayOfMonth());
        }
    }

    /** Unpaid by the best column the layout has: a paid flag, else a balance above 0, else a blank paid date. */
    private boolean unpaid(RowContext row, BigDecimal balance) {
        if (mapping.has(RawField.PAID_FLAG)) {
            return !RowContext.truthy(row.text(RawField.PAID_FLAG));
        }
        if (mapping.has(RawField.BALANCE)) {
            return balance != null && balance.signum() > 0;
        }
        return mapping.has(RawField.PAID_DATE);
    }

    @Override
    List<Metric> produced() {
        List<Metric> produced = new ArrayList<>(List.of(Metric.INVOICES_ISSUED, Metric.REVENUE));
        if (mapping.has(RawField.INVOICE_STATUS)) {
            produced.add(Metric.DISPUTED_INVOICES);
        }
        boolean payments = mapping.has(RawField.PAID_DATE) || mapping.has(RawField.BALANCE) || mapping.has(RawField.PAID_FLAG);
        if (mapping.has(RawField.DUE_DATE) && payments) {
            produced.add(Metric.LATE_PAYMENTS);
        }
        if (mapping.has(RawField.PAID_DATE)) {
            produced.add(Metric.AVG_DAYS_TO_PAY);
        }
        return produced;
    }

    /**
     * A month's payment figures need the invoices of {@code invoiceHistoryMonths} months, itself included: an
     * invoice of two months before may be paid, or fall due, in it.
     */
    @Override
    List<YearMonth> incompletePaymentMonths(List<YearMonth> aggregated, YearMonth firstWholeMonth) {
        List<Metric> produced = produced();
        if (!produced.contains(Metric.LATE_PAYMENTS) && !produced.contains(Metric.AVG_DAYS_TO_PAY)) {
            return List.of();
        }
        return aggregated.stream()
                .filter(m -> m.minusMonths(settings.invoiceHistoryMonths() - 1L).isBefore(firstWholeMonth))
                .toList();
    }

    private static Set<String> lower(Set<String> values) {
        return values.stream().map(v -> v.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }
}
