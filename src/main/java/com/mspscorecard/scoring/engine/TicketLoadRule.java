package com.mspscorecard.scoring.engine;

import com.mspscorecard.metrics.Metric;

/** New tickets per endpoint per month; fewer is better. */
final class TicketLoadRule extends PerEndpointRule {

    TicketLoadRule() {
        super("ticket_load", Metric.NEW_TICKETS, "new tickets");
    }
}
