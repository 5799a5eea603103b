package com.mspscorecard.scoring;

import java.time.YearMonth;

import com.mspscorecard.support.TestUsers;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * Two clients over January–June 2016 for the model editor's tests, in a database of the test's
 * own (activating a model rescores every client, which no shared database should suffer).
 *
 * <pre>
 * edit-Steady    everything good                              100.0  A, KEEP (either weight)
 * edit-Flipper   everything good but 2 late payments (May, June): late-payments sub-score 33.3
 * </pre>
 * The rules with data weigh 105, as for the dashboard's portfolio (no staff poll among them). At the default late-payments weight 15, edit-Flipper scores
 * (105 − 15 × 0.667) ÷ 105 = 90.5, an A; at weight 60 it scores (150 − 60 × 0.667) ÷ 150 = 73.3,
 * a B, and it is worsening (100 three months earlier): WATCH.
 */
final class EditorPortfolio {

    static final YearMonth MONTH = YearMonth.of(2016, 6);
    static final String OWNER = "edit-owner";
    static final String MANAGER = "edit-manager";
    static final String STAFF = "edit-staff";

    private EditorPortfolio() {
    }

    static void load(JdbcTemplate jdbc, ScoringService scoring) {
        String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(TestUsers.PASSWORD);
        for (String[] user : new String[][] {{OWNER, "OWNER"}, {MANAGER, "ACCOUNT_MANAGER"}, {STAFF, "STAFF"}}) {
            jdbc.update("""
                    insert into app_user (username, display_name, role, password_hash, enabled)
                    values (?, ?, ?, ?, true) on conflict do nothing""", user[0], user[0], user[1], hash);
        }
        client(jdbc, "edit-Steady", 0);
        client(jdbc, "edit-Flipper", 2);
        scoring.rescoreAll();
    }

    /** Six good months; the last {@code latePayments} months have one late payment each. */
    private static void client(JdbcTemplate jdbc, String name, int latePayments) {
        jdbc.update("insert into client (name, endpoints) values (?, 20)", name);
        long id = jdbc.queryForObject("select id from client where name = ?", Long.class, name);
        for (int m = 1; m <= 6; m++) {
            jdbc.update("""
                    insert into monthly_snapshot (client_id, month, new_tickets, reopened_tickets, admin_requests,
                        escalations, invoices_issued, disputed_invoices, late_payments, avg_days_to_pay, revenue,
                        delivery_cost, hours_spent, recommendations_made, recommendations_implemented,
                        recommendations_ignored, security_incidents, endpoints)
                    values (?, ?, 5, 0, 0, 0, 2, 0, ?, 20, 5000, 1500, 10, 2, 2, 0, 0, 20)""",
                    id, YearMonth.of(2016, m).atDay(1), m > 6 - latePayments ? 1 : 0);
        }
    }
}
