package com.mspscorecard.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
    void threePeopleVoteTheOwnerClosesAndTheChartRanksClientsByBordaPoints() {
        TestUsers.ensure("vote-b-owner", "OWNER");
        TestUsers.ensure("vote-b-manager", "ACCOUNT_MANAGER");
        TestUsers.ensure("vote-b-staff", "STAFF");
        String alpha = client("alpha"), bravo = client("bravo"), charlie = client("charlie");

        try (Browser browser = Browser.open(port)) {
            browser.signIn("vote-b-owner", TestUsers.PASSWORD);
            browser.click(By.linkText("Staff vote"));
            browser.click(By.id("new-poll"));
            browser.type(By.id("title"), "vote-b-poll " + run).type(By.id("picks"), "3").click(By.id("create-poll"));
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("vote-b-poll " + run);
            String pollUrl = browser.driver().getCurrentUrl().replaceFirst("^https?://[^/]+", "");

            // 3 picks: a first place scores 3, a second 2, a third 1.
            vote(browser, pollUrl, alpha, bravo, charlie); // alpha 3, bravo 2, charlie 1
            switchUser(browser, "vote-b-manager");
            vote(browser, pollUrl, alpha, charlie); // alpha 3, charlie 2
            switchUser(browser, "vote-b-staff");
            vote(browser, pollUrl, bravo, alpha); // bravo 3, alpha 2
            assertThat(browser.driver().findElements(By.id("close-poll"))).as("staff cannot close").isEmpty();

            switchUser(browser, "vote-b-owner");
            browser.go(pollUrl);
            assertThat(browser.text(By.id("voter-count"))).isEqualTo("3 people have voted");
            browser.click(By.id("close-poll"));
            browser.waitUpTo(Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).accept();
            assertThat(browser.text(By.cssSelector("[role=status]"))).contains("Poll closed.");
            browser.click(By.id("results-link"));

            List<WebElement> rows = browser.driver().findElements(By.cssSelector("#results-table tbody tr"));
            assertThat(rows).extracting(r -> r.findElements(By.tagName("td")).get(1).getText())
                    .containsExactly(alpha, bravo, charlie);
            assertThat(rows).extracting(r -> r.findElements(By.tagName("td")).get(2).getText())
                    .containsExactly("8", "5", "3");
            Dimension size = browser.driver().findElement(By.id("results-chart")).getSize();
            assertThat(size.getWidth()).isPositive();
            assertThat(size.getHeight()).isPositive();
            Object bars = ((JavascriptExecutor) browser.driver()).executeScript(
                    "const c = Chart.getChart('results-chart'); return c ? c.data.labels : null;");
            assertThat(bars).as("the chart drew from the embedded data").isEqualTo(List.of(alpha, bravo, charlie));
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
