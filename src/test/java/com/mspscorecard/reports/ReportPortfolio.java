package com.mspscorecard.reports;

import java.time.YearMonth;

import com.mspscorecard.scoring.ScoringService;
import com.mspscorecard.support.TestUsers;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Three clients over 2011–2013 (years no other test uses), scored once per JVM.
 *
 * <pre>
 * client                    manager        months            what makes it
 * rep-Long History …        rep-manager    2011-01..2013-12  late payments, ignored advice, security alerts every
 *                                                            month, and 30 red-flag incidents in the last 30 weeks
 *                                                            (abusive treatment among them): OFFBOARD, grade F
 * rep-Quiet Co              rep-manager    2013-10..2013-12  all good: KEEP
 * rep-Other Manager's       rep-other      2013-10..2013-12  all good: KEEP
 * </pre>
 * The incidents are dated from today backwards: the latest month's windows end today ("as of today").
 */
final class ReportPortfolio {

    static final YearMonth MONTH = YearMonth.of(2013, 12);
    static final String OWNER = "rep-owner";
    static final String MANAGER = "rep-manager";
    static final String OTHER_MANAGER = "rep-other";
    static final String STAFF = "rep-staff";
    static final String LONG = "rep-Long History Società Benefit S.r.l. & Partners";
    static final String QUIET = "rep-Quiet Co";
    static final String OTHER = "rep-Other Manager's Client";
    static final String INCIDENT_TEXT = "Shouted at the technician on the phone";

    private static boolean loaded;

    private ReportPortfolio() {
    }

    static synchronized void ensure(JdbcTemplate jdbc, ScoringService scoring) {
        TestUsers.ensure(OWNER, "OWNER");
        TestUsers.ensure(MANAGER, "ACCOUNT_MANAGER");
        TestUsers.ensure(OTHER_MANAGER, "ACCOUNT_MANAGER");
        TestUsers.ensure(STAFF, "STAFF");
        if (loaded) {
            return;
        }
        long manager = user(jdbc, MANAGER);
        long other = user(jdbc, OTHER_MANAGER);
        // name, manager, first month, tickets, reopened, late payments, implemented, ignored, security alerts, cost
        client(jdbc, LONG, manager, "2011-01-01", 60, 9, 1, 1, 3, 2, 950);
        client(jdbc, QUIET, manager, "2013-10-01", 10, 0, 0, 4, 0, 0, 300);
        client(jdbc, OTHER, other, "2013-10-01", 12, 1, 0, 3, 0, 0, 300);
        String[] categories = { "ABUSIVE_TREATMENT", "DISRESPECT_OF_EXPERTISE", "UNREASONABLE_DEMANDS",
                "SECURITY_NEGLIGENCE", "ERRATIC_COMMUNICATION", "OTHER" };
        for (int week = 1; week <= 30; week++) {
            jdbc.update("""
                    insert into incident (client_id, occurred_on, category, description, logged_by_id)
                    select id, current_date - ?, ?, ?, ? from client where name = ?""",
                    week * 7, categories[week % categories.length], INCIDENT_TEXT, user(jdbc, STAFF), LONG);
        }
        scoring.rescoreAll();
        loaded = true;
    }

    static long id(JdbcTemplate jdbc, String name) {
        return jdbc.queryForObject("select id from client where name = ?", Long.class, name);
    }

    private static long user(JdbcTemplate jdbc, String username) {
        return jdbc.queryForObject("select id from app_user where username = ?", Long.class, username);
    }

    private static void client(JdbcTemplate jdbc, String name, long manager, String first, int tickets, int reopened,
                               int late, int implemented, int ignored, int security, int cost) {
        jdbc.update("""
                insert into client (name, status, payment_terms, endpoints, contract_mrr, account_manager_id)
                values (?, 'ACTIVE', 'NET_30', 20, 1000, ?)""", name, manager);
        jdbc.update("""
                insert into monthly_snapshot (client_id, month, new_tickets, reopened_tickets, admin_requests,
                    escalations, invoices_issued, disputed_invoices, late_payments, avg_days_to_pay, revenue,
                    delivery_cost, hours_spent, recommendations_made, recommendations_implemented,
                    recommendations_ignored, security_incidents, endpoints)
                select c.id, m::date, ? + extract(month from m)::int, ?, 2, 0, 1, 0, ?, 30, 1000, ?, 10,
                    ? + ?, ?, ?, ?, 20
                from client c, generate_series(?::date, date '2013-12-01', interval '1 month') m
                where c.name = ?""", tickets, reopened, late, cost, implemented, ignored, implemented, ignored,
                security, first, name);
    }
}
