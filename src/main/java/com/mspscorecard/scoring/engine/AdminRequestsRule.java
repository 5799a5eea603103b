package com.mspscorecard.scoring.engine;

import com.mspscorecard.metrics.Metric;

/** Administrative requests (accounts, permissions, admin rights) per endpoint per month; fewer is better. */
final class AdminRequestsRule extends PerEndpointRule {

    AdminRequestsRule() {
        super("admin_requests", Metric.ADMIN_REQUESTS, "admin requests");
    }
}
