package com.mspscorecard.importing.raw;

import com.mspscorecard.metrics.Metric;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Time entries: hours in the month worked, and their cost at the role's loaded hourly rate (or the one rate).
 * An entry naming only a ticket takes the client remembered for that ticket from the source's tickets. The tool
 * cost per endpoint is not added here: psa-flow knows the endpoints ({@link SourceSettings#toolCost}).
 */
final class TimeTally extends Tally {

    private final SourceSettings settings;
    private final TicketClients tickets;
    private final Map<String, BigDecimal> rateByRole = new HashMap<>();
    private final boolean costed;

    TimeTally(AggregationScope scope, SourceSettings settings, TicketClients tickets) {
        super(scope);
        this.settings = settings;
        this.tickets = tickets;
        settings.hourlyCostByRole().forEach((role, rate) -> rateByRole.put(role.strip().toLowerCase(Locale.ROOT), rate));
        this.costed = settings.hourlyCost() != null || !rateByRole.isEmpty();
    }

    @Override
    void add(RowContext row) {
        LocalDate worked = row.date(RawField.DATE_WORKED, true);
        if (worked == null || !inScope(worked)) {
            return;
        }
        BigDecimal hours = row.hours(RawField.HOURS);
        ClientKey client = row.client(!row.has(RawField.TICKET_REF));
        if (client == null && row.has(RawField.TICKET_REF) && !row.failed()) {
            String ticket = row.text(RawField.TICKET_REF);
            Optional<ClientKey> known = ticket.isEmpty() ? Optional.empty() : tickets.clientKeyOf(ticket);
            if (known.isEmpty()) {
                row.problem(RawField.TICKET_REF, ticket, ticket.isEmpty() ? "psa.row.clientMissing" : "psa.row.ticketUnknown",
                        ticket);
            }
            client = known.orElse(null);
        }
        String role = row.text(RawField.ROLE);
        BigDecimal rate = null;
        if (costed && !row.failed()) {
            rate = rateByRole.getOrDefault(role.toLowerCase(Locale.ROOT), settings.hourlyCost());
            if (rate == null) {
                row.problem(RawField.ROLE, role, "psa.row.rateMissing", role);
            }
        }
        if (row.failed()) {
            return;
        }
        distinct("role", role);
        MonthTally month = month(client, worked);
        month.hours = month.hours.add(hours);
        if (rate != null) {
            month.cost = month.cost.add(hours.multiply(rate));
        }
    }

    @Override
    List<Metric> produced() {
        List<Metric> produced = new ArrayList<>(List.of(Metric.HOURS_SPENT));
        if (costed) {
            produced.add(Metric.DELIVERY_COST);
        }
        return produced;
    }
}
