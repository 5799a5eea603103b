package com.mspscorecard.dashboard;

import java.time.YearMonth;

import com.mspscorecard.scoring.ScoringService;
import com.mspscorecard.support.TestUsers;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A five-client portfolio over January–June 2015 (months no other test uses, so the month's
 * portfolio holds only these clients), scored once per JVM.
 *
 * <pre>
 * client            revenue/month  cost/month  hours  what makes it
 * dash-Anchor            10,000       3,000       20  all good: KEEP, dependency risk (59% of revenue)
 * dash-Late Payer         2,000         800       10  a late payment every month: OFFBOARD
 * dash-Drain                500         450       80  little revenue, most effort, bad margin: CONSIDER_OFFBOARDING
 * dash-Pricey             3,000       2,550       10  behaves well, 15% margin: RAISE_PRICE to 5,100
 * dash-Steady             1,500         600       10  all good: KEEP
 * </pre>
 * With no staff poll the rules with data weigh 105: the 15-point margin rule at 0 leaves dash-Pricey
 * at 90 ÷ 105 = 85.7 (an A), the drain scores 58.4 (a C).
 * Pareto over 3 months: the top client by revenue brings 10,000 / 17,000 = 59%; the top client by
 * effort causes 80 / 130 = 62%.
 */
final class DashboardPortfolio {

    static final YearMonth MONTH = YearMonth.of(2015, 6);
    static final String OWNER = "dash-owner";
    static final String MANAGER = "dash-manager";
    static final String STAFF = "dash-staff";

    private static boolean loaded;

    private DashboardPortfolio() {
    }

    static synchronized void ensure(JdbcTemplate jdbc, ScoringService scoring) {
        TestUsers.ensure(OWNER, "OWNER");
        TestUsers.ensure(MANAGER, "ACCOUNT_MANAGER");
        TestUsers.ensure(STAFF, "STAFF");
        if (loaded) {
            return;
        }
        Long manager = jdbc.queryForObject("select id from app_user where username = ?", Long.class, MANAGER);
        // name, revenue, cost, hours, tickets, late payments, escalations, ignored recommendations
        client(jdbc, manager, "dash-Anchor", 10000, 3000, 20, 15, 0, 0, 0);
        client(jdbc, manager, "dash-Late Payer", 2000, 800, 10, 10, 1, 0, 0);
        client(jdbc, manager, "dash-Drain", 500, 450, 80, 90, 0, 2, 3);
        client(jdbc, manager, "dash-Pricey", 3000, 2550, 10, 10, 0, 0, 0);
        client(jdbc, null, "dash-Steady", 1500, 600, 10, 10, 0, 0, 0);
        Long staff = jdbc.queryForObject("select id from app_user where username = ?", Long.class, STAFF);
        jdbc.update("""
                insert into incident (client_id, occurred_on, category, description, logged_by_id)
                select id, date '2015-05-12', 'ERRATIC_COMMUNICATION', 'Changed the request three times', ?
                from client where name = 'dash-Steady'""", staff);
        scoring.rescoreAll();
        loaded = true;
    }

    static long id(JdbcTemplate jdbc, String name) {
        return jdbc.queryForObject("select id from client where name = ?", Long.class, name);
    }

    private static void client(JdbcTemplate jdbc, Long manager, String name, int revenue, int cost, int hours,
                               int tickets, int late, int escalations, int ignored) {
        jdbc.update("""
                insert into client (name, status, payment_terms, endpoints, contract_mrr, account_manager_id)
                values (?, 'ACTIVE', 'NET_30', 50, ?, ?)""", name, revenue, manager);
        jdbc.update("""
                insert into monthly_snapshot (client_id, month, new_tickets, reopened_tickets, admin_requests,
                    escalations, invoices_issued, disputed_invoices, late_payments, avg_days_to_pay, revenue,
                    delivery_cost, hours_spent, recommendations_made, recommendations_implemented,
                    recommendations_ignored, security_incidents, endpoints)
                select c.id, m::date, ?, 0, 2, ?, 1, 0, ?, 25, ?, ?, ?, 4, 4 - ?, ?, 0, 50
                from client c, generate_series(date '2015-01-01', date '2015-06-01', interval '1 month') m
                where c.name = ?""", tickets, escalations, late, revenue, cost, hours, ignored, ignored, name);
    }
}
