package com.mspscorecard.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntPredicate;

import com.mspscorecard.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An import of many clients rescores only the months it changed, for every client: what it stores
 * must be, row by row and reason by reason, what a full rescore stores afterwards.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ChangedMonthsRescoreIntegrationTests {

    /** More than ScoringService.FULL_RESCORE_ABOVE, so that the import takes the streaming path. */
    static final int CLIENTS = 230;
    static final int MONTHS = 24;
    /** Clients whose figures stopped long before the new month, which comes after a gap. */
    static final int PAUSED = 3;

    private static boolean redFlagged(int client) {
        return client % 20 == 0 || client >= CLIENTS - PAUSED;
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ScoringService scoring;

    @Autowired
    Clock clock;

    @Test
    void anImportOfANewMonthAndOfAChangedMiddleMonthStoresWhatAFullRescoreStores() throws Exception {
        TestUsers.ensure("cmr-owner", "OWNER");
        String prefix = "cmr-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        YearMonth last = YearMonth.now(clock).minusMonths(2);
        YearMonth first = last.minusMonths(MONTHS - 1);
        Random random = new Random(18);

        // The portfolio: every client, every month, but for the last few, whose figures stopped after
        // six months; then red flags logged for some clients, so that their latest month counts
        // incidents as of today.
        StringBuilder portfolio = new StringBuilder(HEADER);
        for (int c = 0; c < CLIENTS; c++) {
            YearMonth end = c < CLIENTS - PAUSED ? last : first.plusMonths(5);
            for (YearMonth month = first; !month.isAfter(end); month = month.plusMonths(1)) {
                row(portfolio, prefix, c, month, random, 1);
            }
        }
        imported(portfolio, (CLIENTS - PAUSED) * MONTHS + PAUSED * 6);
        List<Long> ids = jdbc.queryForList("select id from client where name like ? order by name", Long.class,
                prefix + "%");
        assertThat(ids).hasSize(CLIENTS);
        // The first import of a portfolio reaches every month: it stores what a full rescore stores.
        assertSameAsFullRescore(ids);
        long owner = jdbc.queryForObject("select id from app_user where username = 'cmr-owner'", Long.class);
        LocalDate today = LocalDate.now(clock);
        for (int c = 0; c < CLIENTS; c++) {
            if (!redFlagged(c)) {
                continue;
            }
            jdbc.update("insert into incident (client_id, occurred_on, category, description, logged_by_id) "
                    + "values (?, ?, ?, 'test', ?)", ids.get(c), today.minusDays(c % 40),
                    c % 40 == 0 ? "ABUSIVE_TREATMENT" : "DISRESPECT_OF_EXPERTISE", owner);
        }
        scoring.rescoreAll();

        // One new month for every client: its scorecards are written, and only where red flags lie
        // near it the month before, which stops being the latest (for the paused clients, long before).
        Map<String, Long> before = versions(ids);
        StringBuilder newMonth = new StringBuilder(HEADER);
        for (int c = 0; c < CLIENTS; c++) {
            row(newMonth, prefix, c, last.plusMonths(1), random, 1);
        }
        imported(newMonth, CLIENTS);
        Set<String> rewritten = rewritten(before, versions(ids));
        assertSameAsFullRescore(ids);
        Set<String> newScorecards = new HashSet<>();
        Set<String> monthBefore = new HashSet<>();
        for (int c = 0; c < CLIENTS; c++) {
            newScorecards.add(ids.get(c) + " " + last.plusMonths(1).atDay(1));
            monthBefore.add(ids.get(c) + " " + (c < CLIENTS - PAUSED ? last : first.plusMonths(5)).atDay(1));
        }
        assertThat(rewritten).containsAll(newScorecards);
        rewritten.removeAll(newScorecards);
        // A poll closed by another test counts as a dated fact for every client; without one, only
        // the clients with red flags have their month before rewritten.
        boolean pollClosed = jdbc.queryForObject("select exists (select 1 from poll)",
                Boolean.class);
        assertThat(monthBefore).containsAll(rewritten);
        if (!pollClosed) {
            assertThat(rewritten).hasSize((int) java.util.stream.IntStream.range(0, CLIENTS)
                    .filter(ChangedMonthsRescoreIntegrationTests::redFlagged).count());
        }

        // A middle month changed for most clients (revenue, effort and late payments move, so drains
        // and dealbreakers move too), and a month before the first for a few: the change reaches later
        // months through the rule windows, worsening, the portfolio and the months of history covered.
        StringBuilder changed = new StringBuilder(HEADER);
        YearMonth middle = last.minusMonths(10);
        for (int c = 0; c < CLIENTS - 10; c++) {
            row(changed, prefix, c, middle, random, 3);
        }
        for (int c = 0; c < CLIENTS; c += 37) {
            row(changed, prefix, c, first.minusMonths(1), random, 1);
        }
        // And two new clients with two years each, whose figures move every month's portfolio.
        for (int c = CLIENTS; c < CLIENTS + 2; c++) {
            for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
                row(changed, prefix, c, month, random, 2);
            }
        }
        imported(changed, -1);
        List<Long> withNew = jdbc.queryForList("select id from client where name like ? order by name", Long.class,
                prefix + "%");
        assertThat(withNew).hasSize(CLIENTS + 2);
        assertSameAsFullRescore(withNew);
    }

    static final String HEADER = "client,month,new_tickets,reopened_tickets,admin_requests,escalations,"
            + "invoices_issued,disputed_invoices,late_payments,avg_days_to_pay,revenue,delivery_cost,hours_spent,"
            + "recommendations_made,recommendations_implemented,recommendations_ignored,security_incidents,"
            + "endpoints\n";

    /** One client-month with every column; {@code spread} scales revenue and effort. */
    private static void row(StringBuilder csv, String prefix, int client, YearMonth month, Random random,
                            int spread) {
        int made = random.nextInt(9);
        int implemented = random.nextInt(made + 1);
        int ignored = random.nextInt(made - implemented + 1);
        int revenue = (500 + random.nextInt(20000) * (client % 7 == 0 ? 3 : 1)) * spread;
        IntPredicate sometimes = bound -> random.nextInt(bound) == 0;
        csv.append(prefix).append(String.format("%03d", client)).append(',').append(month).append(',')
                .append(random.nextInt(200) * spread).append(',').append(random.nextInt(20)).append(',')
                .append(random.nextInt(30)).append(',').append(random.nextInt(4)).append(',')
                .append(1 + random.nextInt(4)).append(',').append(random.nextInt(2)).append(',')
                .append(sometimes.test(4) ? 1 + random.nextInt(3) : 0).append(',')
                .append(random.nextInt(9000) / 100.0).append(',').append(revenue).append(',')
                .append(revenue * (30 + random.nextInt(60)) / 100).append(',')
                // An empty cell is no data: some months have no hours, so effort falls back to tickets.
                .append(sometimes.test(10) ? "" : String.valueOf(random.nextInt(200) * spread)).append(',')
                .append(made).append(',').append(implemented).append(',').append(ignored).append(',')
                .append(sometimes.test(5) ? random.nextInt(4) : 0).append(',').append(5 + client % 300).append('\n');
    }

    private void imported(StringBuilder csv, int rows) throws Exception {
        var result = mvc.perform(post("/api/v1/imports").param("dry_run", "false")
                        .param("create_missing_clients", "true").contentType("text/csv")
                        .content(csv.toString().getBytes(StandardCharsets.UTF_8))
                        .with(user("cmr-owner").roles("OWNER")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("imported"));
        if (rows >= 0) {
            result.andExpect(jsonPath("$.new").value(rows));
        }
    }

    /** The clients' stored scorecards, every column, then the same after a full rescore. */
    private void assertSameAsFullRescore(List<Long> ids) {
        List<String> stored = scorecards(ids);
        scoring.rescoreAll();
        List<String> full = scorecards(ids);
        assertThat(stored).hasSize(full.size());
        assertThat(stored).containsExactlyElementsOf(full);
    }

    private List<String> scorecards(List<Long> ids) {
        return jdbc.queryForList("""
                select s::text from client_score s
                where s.client_id = any (?) and s.model_version = (select version from scoring_model where status = 'ACTIVE')
                order by s.client_id, s.month""", String.class, (Object) ids.toArray(new Long[0]));
    }

    /** Each stored scorecard's row version ("client month" → the transaction that wrote it). */
    private Map<String, Long> versions(List<Long> ids) {
        Map<String, Long> versions = new java.util.HashMap<>();
        jdbc.query("""
                select client_id || ' ' || month, xmin::text::bigint from client_score
                where client_id = any (?) and model_version = (select version from scoring_model where status = 'ACTIVE')
                """, rs -> {
            versions.put(rs.getString(1), rs.getLong(2));
        }, (Object) ids.toArray(new Long[0]));
        return versions;
    }

    private static Set<String> rewritten(Map<String, Long> before, Map<String, Long> after) {
        Set<String> rewritten = new HashSet<>();
        after.forEach((key, version) -> {
            if (!version.equals(before.get(key))) {
                rewritten.add(key);
            }
        });
        return rewritten;
    }
}
