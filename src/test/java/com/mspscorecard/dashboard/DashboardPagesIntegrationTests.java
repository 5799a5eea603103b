package com.mspscorecard.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mspscorecard.scoring.ScoringService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
class DashboardPagesIntegrationTests {

    private static final String MONTH = DashboardPortfolio.MONTH.toString();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ScoringService scoring;

    @BeforeEach
    void portfolio() {
        DashboardPortfolio.ensure(jdbc, scoring);
    }

    private static RequestPostProcessor owner() {
        return user(DashboardPortfolio.OWNER).roles("OWNER");
    }

    private static RequestPostProcessor manager() {
        return user(DashboardPortfolio.MANAGER).roles("ACCOUNT_MANAGER");
    }

    private static RequestPostProcessor staff() {
        return user(DashboardPortfolio.STAFF).roles("STAFF");
    }

    private String page(String path, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void theDashboardGivesTheParetoHeadlineAndNamesWhomToLetGoAndWhomToChargeMore() throws Exception {
        String html = page("/?month=" + MONTH, owner());

        // 10,000 of 17,000 revenue; 80 of 130 hours.
        assertThat(html).contains("Top 20% of clients bring 59% of revenue; top 20% cause 62% of the effort.");
        String leaving = section(html, "id=\"leaving\"");
        assertThat(leaving).contains("dash-Late Payer", "dash-Drain", "Offboard", "Consider offboarding")
                .doesNotContain("dash-Anchor", "dash-Steady");
        // Revenue at stake: (2,000 + 500) × 3 months.
        assertThat(html).containsPattern("id=\"revenue-at-stake\">€7,500<");
        assertThat(section(html, "id=\"raise-price\"")).contains("dash-Pricey", "€2,100.00", "(+70%)");
        assertThat(html).containsPattern("id=\"uplift\">€2,100<");
        // Every name links to its scorecard for the month shown.
        long pricey = DashboardPortfolio.id(jdbc, "dash-Pricey");
        assertThat(html).contains("href=\"/clients/" + pricey + "/scorecard?month=" + MONTH + "\"");
        assertThat(html).contains("id=\"grade-chart\"", "id=\"grade-data\"", "<table class=\"visually-hidden\" id=\"grade-table\"");
        // The month selector offers the scored months.
        assertThat(html).contains("<option value=\"2015-06\" selected=\"selected\">June 2015</option>");
    }

    @Test
    void accountManagersSeeTheSameDashboardInItalian() throws Exception {
        String html = mvc.perform(get("/?month=" + MONTH + "&lang=it").with(manager())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Il 20% dei clienti porta il 59% del fatturato; il 20% causa il 62% dell&#39;impegno.");
        assertThat(html).contains("Valutare la chiusura", "giugno 2015");
        assertThat(html).containsPattern("id=\"revenue-at-stake\">7\\.500\\h€<");
    }

    @Test
    void staffGetAHomeWithoutMoneyAndNoScorecardPages() throws Exception {
        String html = page("/?month=" + MONTH, staff());
        assertThat(html).contains("href=\"/incidents\"", "href=\"/polls\"");
        assertThat(html).doesNotContain("€", "Revenue", "dash-Pricey", "grade-chart", "Scorecards");

        long steady = DashboardPortfolio.id(jdbc, "dash-Steady");
        for (String path : List.of("/scorecards", "/pareto", "/clients/" + steady + "/scorecard")) {
            mvc.perform(get(path).with(staff())).andExpect(status().isForbidden());
        }
        mvc.perform(post("/dashboard/demo").with(staff()).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/dashboard/demo").with(manager()).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void aScorecardStartsWithTheVerdictAndItsPointsAddUpToTheScore() throws Exception {
        long pricey = DashboardPortfolio.id(jdbc, "dash-Pricey");
        String html = page("/clients/" + pricey + "/scorecard?month=" + MONTH, manager());

        assertThat(html).contains("<h1 class=\"h3\" id=\"client-name\">dash-Pricey</h1>");
        assertThat(html.indexOf("id=\"recommendation\"")).isLessThan(html.indexOf("id=\"breakdown\""));
        assertThat(section(html, "id=\"recommendation\"")).contains("Raise the price");
        // 2,550 cost ÷ (1 − 50% target margin) = 5,100, against 3,000 today.
        assertThat(section(html, "id=\"suggested-price\"")).contains("€5,100.00", "€3,000.00", "€2,100.00", "70.0%");
        assertThat(html).contains("id=\"dependency-risk\"");
        assertThat(html).contains("account manager " + DashboardPortfolio.MANAGER);

        double score = Double.parseDouble(text(html, "id=\"score-value\""));
        List<Double> points = new ArrayList<>();
        Matcher cell = Pattern.compile("class=\"text-end points\">([^<]+)<").matcher(html);
        while (cell.find()) {
            if (!cell.group(1).equals("–")) {
                points.add(Double.parseDouble(cell.group(1).replace(",", "")));
            }
        }
        assertThat(points).hasSizeGreaterThanOrEqualTo(10);
        assertThat(points.stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(score,
                org.assertj.core.data.Offset.offset(0.1));
        assertThat(Double.parseDouble(text(html, "id=\"points-total\""))).isCloseTo(score,
                org.assertj.core.data.Offset.offset(0.1));
        assertThat(html).contains("Gross margin", "id=\"trend-data\"", "id=\"metrics-data\"", "id=\"trend-table\"");
        assertThat(html).contains("id=\"no-incidents\"");
    }

    @Test
    void aScorecardListsTheClientsIncidentsAndDealbreakers() throws Exception {
        String steady = page("/clients/" + DashboardPortfolio.id(jdbc, "dash-Steady") + "/scorecard?month=" + MONTH,
                owner());
        assertThat(section(steady, "id=\"incidents\"")).contains("Erratic communication", "12 May 2015");

        String late = page("/clients/" + DashboardPortfolio.id(jdbc, "dash-Late Payer") + "/scorecard", owner());
        assertThat(late).contains("id=\"scorecard-month\">June 2015<");
        assertThat(section(late, "id=\"dealbreakers\"")).contains("Recurring late payments");
    }

    @Test
    void anUnknownClientIsNotFound() throws Exception {
        mvc.perform(get("/clients/999999/scorecard").with(owner())).andExpect(status().isNotFound());
    }

    @Test
    void theScoredListFiltersAndSortsOnTheServer() throws Exception {
        String offboard = page("/scorecards?month=" + MONTH + "&recommendation=OFFBOARD", owner());
        assertThat(offboard).contains("dash-Late Payer").doesNotContain("dash-Drain", "dash-Anchor");

        String byScore = page("/scorecards?month=" + MONTH + "&manager=" + managerId() + "&sort=score&dir=asc",
                owner());
        assertThat(byScore).doesNotContain("dash-Steady");
        // Drain (58.4) before Pricey (85.7) before Anchor (100).
        assertThat(byScore.indexOf("dash-Drain")).isLessThan(byScore.indexOf("dash-Pricey"));
        assertThat(byScore.indexOf("dash-Pricey")).isLessThan(byScore.indexOf("dash-Anchor"));
        assertThat(byScore).contains("aria-sort=\"ascending\"");
        // Grade badges carry the letter, and the change column an arrow-free word for screen readers.
        assertThat(byScore).contains("<span class=\"visually-hidden\">Grade</span>", "unchanged");
        // Revenue over 3 months and margin of the anchor client: 30,000 and 70%.
        assertThat(byScore).contains("€30,000", "70%");

        String byGrade = page("/scorecards?month=" + MONTH + "&grade=A", owner());
        // A late payer can score an A and still have to go: the dealbreaker overrides the average.
        assertThat(byGrade).contains("dash-Anchor", "dash-Late Payer").doesNotContain("dash-Drain");
        String byC = page("/scorecards?month=" + MONTH + "&grade=C", owner());
        assertThat(byC).contains("dash-Drain").doesNotContain("dash-Anchor", "dash-Pricey");
    }

    @Test
    void theParetoPageHighlightsTheDrainAndLinksEachPoint() throws Exception {
        String html = page("/pareto?month=" + MONTH, owner()).replace("&quot;", "\"");
        assertThat(html).contains("Top 20% of clients bring 59% of revenue; top 20% cause 62% of the effort.");
        assertThat(section(html, "id=\"drains-table\"")).contains("dash-Drain").doesNotContain("dash-Anchor");
        long drain = DashboardPortfolio.id(jdbc, "dash-Drain");
        assertThat(html).contains("\"href\":\"/clients/" + drain + "/scorecard?month=" + MONTH + "\"");
        assertThat(html).contains("\"drain\":true", "id=\"curves-table\"");
    }

    private long managerId() {
        return jdbc.queryForObject("select id from app_user where username = ?", Long.class,
                DashboardPortfolio.MANAGER);
    }

    /** The HTML from the marker to the end of the element's table, card or list (good enough for contains). */
    private static String section(String html, String marker) {
        int start = html.indexOf(marker);
        assertThat(start).as(marker).isNotNegative();
        int end = html.indexOf("</div>", start);
        return html.substring(start, end < 0 ? html.length() : end);
    }

    private static String text(String html, String marker) {
        Matcher m = Pattern.compile(Pattern.quote(marker) + "[^>]*>([^<]*)<").matcher(html);
        assertThat(m.find()).as(marker).isTrue();
        return m.group(1).trim().replace(",", "");
    }
}
