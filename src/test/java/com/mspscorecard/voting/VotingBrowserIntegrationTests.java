package com.mspscorecard.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.mspscorecard.support.Browser;
import com.mspscorecard.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VotingBrowserIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void fourPeopleVoteTheOwnerCannotCloseEarlyAndAfterTheClosingDateTheChartRanksClientsByBordaPoints() {
        TestUsers.ensure("vote-b-owner", "OWNER");
        TestUsers.ensure("vote-b-manager", "ACCOUNT_MANAGER");
        TestUsers.ensure("vote-b-staff", "STAFF");
        TestUsers.ensure("vote-b-staff2", "STAFF");
        String alpha = client("alpha"), bravo = client("bravo"), charlie = client("charlie");

        try (Browser browser = Browser.open(port)) {
            browser.signIn("vote-b-owner", TestUsers.PASSWORD);
            browser.click(By.linkText("Staff vote"));
            browser.click(By.id("new-poll"));
            browser.type(By.id("title"), "vote-b-poll " + run).type(By.id("picks"), "3").click(By.id("create-poll"));
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("vote-b-poll " + run);
            String pollUrl = browser.driver().getCurrentUrl().replaceFirst("^https?://[^/]+", "");
            long poll = Long.parseLong(pollUrl.substring(pollUrl.lastIndexOf('/') + 1));

            // 3 picks: a first place scores 3, a second 2, a third 1.
            vote(browser, pollUrl, alpha, bravo, charlie); // alpha 3, bravo 2, charlie 1
            switchUser(browser, "vote-b-manager");
            vote(browser, pollUrl, alpha, charlie); // alpha 3, charlie 2
            switchUser(browser, "vote-b-staff");
            browser.go(pollUrl);
            assertThat(browser.text(By.id("roster"))).as("every voter sees who may vote")
                    .contains("vote-b-owner", "vote-b-manager", "vote-b-staff2", "Check this list before you vote.");
            vote(browser, pollUrl, bravo, alpha); // bravo 3, alpha 2
            assertThat(browser.driver().findElements(By.id("close-poll"))).as("staff cannot close").isEmpty();
            switchUser(browser, "vote-b-staff2");
            browser.go(pollUrl + "?lang=it");
            assertThat(browser.text(By.id("roster-heading"))).isEqualTo("Chi può votare");
            browser.go(pollUrl + "?lang=en");
            vote(browser, pollUrl, charlie); // charlie 3

            // Others on the roster have not voted, so closing early is refused, and nothing says who has.
            switchUser(browser, "vote-b-owner");
            browser.go(pollUrl);
            assertThat(browser.driver().findElements(By.id("voter-count"))).isEmpty();
            browser.click(By.id("close-poll"));
            browser.waitUpTo(Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).accept();
            assertThat(browser.text(By.cssSelector("[role=alert]"))).contains("Not everyone on the roster has voted yet");
            assertThat(browser.driver().findElements(By.id("results-link"))).isEmpty();

            // The closing date passes.
            jdbc.update("update poll set opens_on = ?, closes_on = ? where id = ?", LocalDate.now().minusDays(10),
                    LocalDate.now().minusDays(1), poll);
            browser.go(pollUrl);
            browser.click(By.id("results-link"));

            List<WebElement> rows = browser.driver().findElements(By.cssSelector("#results-table tbody tr"));
            assertThat(rows).extracting(r -> r.findElements(By.tagName("td")).get(1).getText())
                    .containsExactly(alpha, charlie, bravo);
            assertThat(rows).extracting(r -> r.findElements(By.tagName("td")).get(2).getText())
                    .containsExactly("8", "6", "5");
            Dimension size = browser.driver().findElement(By.id("results-chart")).getSize();
            assertThat(size.getWidth()).isPositive();
            assertThat(size.getHeight()).isPositive();
            Object bars = ((JavascriptExecutor) browser.driver()).executeScript(
                    "const c = Chart.getChart('results-chart'); return c ? c.data.labels : null;");
            assertThat(bars).as("the chart drew from the embedded data").isEqualTo(List.of(alpha, charlie, bravo));
        }
    }

    private void vote(Browser browser, String pollUrl, String... clients) {
        browser.go(pollUrl);
        for (int i = 0; i < clients.length; i++) {
            new Select(browser.driver().findElement(By.id("pick-" + (i + 1)))).selectByVisibleText(clients[i]);
        }
        browser.click(By.id("review-ballot"));
        assertThat(browser.driver().findElements(By.cssSelector("#confirm-picks li")))
                .extracting(WebElement::getText).containsExactly(clients);
        browser.click(By.id("cast-ballot"));
        assertThat(browser.text(By.cssSelector("[role=status]"))).contains("Your ballot has been cast");
        assertThat(browser.driver().findElements(By.id("ballot"))).as("no second ballot offered").isEmpty();
    }

    private static void switchUser(Browser browser, String username) {
        browser.driver().manage().deleteAllCookies();
        browser.signIn(username, TestUsers.PASSWORD);
    }

    private String client(String name) {
        String full = "vote-" + name + "-" + run;
        jdbc.update("insert into client (name, status) values (?, 'ACTIVE')", full);
        return full;
    }
}
