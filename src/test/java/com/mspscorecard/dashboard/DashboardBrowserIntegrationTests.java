package com.mspscorecard.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import com.mspscorecard.scoring.ScoringService;
import com.mspscorecard.support.Browser;
import com.mspscorecard.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** What only a browser shows: the charts really draw under the strict CSP, and the breakdown adds up. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardBrowserIntegrationTests {

    /** Width, height, and whether the canvas differs from a blank one of the same size. */
    private static final String DRAWN = """
            const canvas = document.getElementById(arguments[0]);
            if (!canvas) { return [0, 0, false]; }
            const blank = document.createElement('canvas');
            blank.width = canvas.width;
            blank.height = canvas.height;
            return [canvas.width, canvas.height, canvas.toDataURL() !== blank.toDataURL()];
            """;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ScoringService scoring;

    @Test
    void theDashboardAndAScorecardDrawTheirChartsAndTheBreakdownAddsUp() {
        DashboardPortfolio.ensure(jdbc, scoring);
        long pricey = DashboardPortfolio.id(jdbc, "dash-Pricey");
        try (Browser browser = Browser.open(port)) {
            browser.signIn(DashboardPortfolio.OWNER, TestUsers.PASSWORD);
            browser.go("/?month=" + DashboardPortfolio.MONTH);
            assertDrawn(browser, "grade-chart");
            assertThat(browser.text(By.id("pareto-headline"))).contains("59%", "62%");

            // Following a name from the dashboard opens its scorecard.
            browser.click(By.linkText("dash-Pricey"));
            assertThat(browser.urlOnceItMatches(".*/clients/" + pricey + "/scorecard.*"))
                    .endsWith("/clients/" + pricey + "/scorecard?month=" + DashboardPortfolio.MONTH);
            assertThat(browser.text(By.id("recommendation"))).isEqualTo("Raise the price");
            for (String chart : List.of("trend-chart", "metric-tickets", "metric-payment", "metric-margin",
                    "metric-recommendations")) {
                assertDrawn(browser, chart);
            }
            // The trend chart shades the grade bands: just inside the top of the plot lies band A.
            Object bandPixel = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("""
                    const chart = Chart.getChart(document.getElementById('trend-chart'));
                    const area = chart.chartArea;
                    const scale = window.devicePixelRatio || 1;
                    return Array.from(chart.ctx.getImageData(Math.round((area.left + 3) * scale),
                        Math.round((area.top + 3) * scale), 1, 1).data);""");
            List<?> rgba = (List<?>) bandPixel;
            assertThat(((Number) rgba.get(3)).intValue()).as("band A is shaded").isGreaterThan(0);
            assertThat(((Number) rgba.get(1)).intValue()).as("band A is green")
                    .isGreaterThan(((Number) rgba.get(0)).intValue());

            double score = Double.parseDouble(browser.text(By.id("score-value")));
            double sum = 0;
            List<WebElement> points = browser.driver().findElements(By.cssSelector("#breakdown tbody td.points"));
            for (WebElement cell : points) {
                String text = cell.getText().replace(",", "");
                if (!text.equals("–")) {
                    sum += Double.parseDouble(text);
                }
            }
            assertThat(points).hasSizeGreaterThanOrEqualTo(10);
            assertThat(sum).isCloseTo(score, org.assertj.core.data.Offset.offset(0.1));

            String englishScore = browser.text(By.id("score-value"));
            String englishTotal = browser.text(By.id("points-total"));
            assertThat(browser.text(By.id("scorecard-month"))).isEqualTo("June 2015");

            // The Pareto page draws both charts too.
            browser.go("/pareto?month=" + DashboardPortfolio.MONTH);
            assertDrawn(browser, "pareto-curves");
            assertDrawn(browser, "pareto-scatter");

            // In Italian the scorecard names its months and writes its numbers as Italy does.
            browser.go("/clients/" + pricey + "/scorecard?month=" + DashboardPortfolio.MONTH + "&lang=it");
            assertThat(browser.text(By.id("scorecard-month"))).isEqualTo("giugno 2015");
            assertThat(browser.text(By.id("score-value"))).isEqualTo(englishScore.replace('.', ','));
            assertThat(browser.text(By.id("points-total"))).isEqualTo(englishTotal.replace('.', ','));
            assertThat(browser.driver().findElement(By.cssSelector("#month option[selected]")).getText())
                    .isEqualTo("giugno 2015");
            assertThat(browser.text(By.id("completeness"))).contains("%");
            browser.go("/clients/" + pricey + "/scorecard?month=" + DashboardPortfolio.MONTH + "&lang=en");
        }
    }

    private static void assertDrawn(Browser browser, String canvasId) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        browser.waitUpTo(Duration.ofSeconds(10)).until(driver -> {
            List<?> result = (List<?>) js.executeScript(DRAWN, canvasId);
            return ((Number) result.get(0)).longValue() > 0 && ((Number) result.get(1)).longValue() > 0
                    && Boolean.TRUE.equals(result.get(2));
        });
    }
}
