package com.mspscorecard.scoring;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * In real Chromium, on a database of its own (the preview covers every active client): the owner
 * drafts a model, makes late payments weigh 60 instead of 15, and the preview shows edit-Flipper
 * falling from A to B.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "scorecard.test.fresh-database=true")
class ScoringModelEditorBrowserIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ScoringService scoring;

    @Test
    void aHeavierLatePaymentsWeightShowsAClientChangingGradeInThePreview() {
        EditorPortfolio.load(jdbc, scoring);
        try (Browser browser = Browser.open(port)) {
            browser.signIn(EditorPortfolio.OWNER, TestUsers.PASSWORD);
            browser.go("/scoring/model");
            browser.click(By.id("create-draft"));
            assertThat(browser.urlOnceItMatches(".*/scoring/model/\\d+/edit")).matches(".*/scoring/model/\\d+/edit");

            WebElement weight = browser.driver().findElement(By.id("rules0.weight"));
            assertThat(weight.getAttribute("value")).isEqualTo("15");
            weight.clear();
            weight.sendKeys("60");
            press(browser, "save-and-preview");

            assertThat(browser.urlOnceItMatches(".*/scoring/model/\\d+/preview")).matches(".*/scoring/model/\\d+/preview");
            assertThat(browser.text(By.id("preview-summary"))).startsWith("1 client changes grade");
            WebElement flipper = browser.driver().findElement(By.cssSelector("tr[data-client='edit-Flipper']"));
            assertThat(flipper.getAttribute("class")).contains("table-warning");
            assertThat(flipper.findElement(By.cssSelector("td.grade")).getText()).isEqualTo("A → B");
            WebElement steady = browser.driver().findElement(By.cssSelector("tr[data-client='edit-Steady']"));
            assertThat(steady.getAttribute("class")).doesNotContain("table-warning");

            // A negative weight comes back beside its field, in red, and the saved draft keeps 60.
            browser.click(By.id("back-to-edit"));
            WebElement again = browser.driver().findElement(By.id("rules0.weight"));
            assertThat(again.getAttribute("value")).isEqualTo("60");
            again.clear();
            again.sendKeys("-1");
            press(browser, "save-draft");
            assertThat(browser.driver().findElement(By.id("rules0.weight")).getAttribute("class")).contains("is-invalid");
            assertThat(browser.text(By.id("rules0.weight-error"))).isEqualTo("A weight cannot be negative.");
        }
    }

    /**
     * The buttons sit below a long form, where headless Chromium reports the click as intercepted
     * even once scrolled to; the button's own click still submits the form with its name and value.
     */
    private static void press(Browser browser, String id) {
        WebElement button = browser.driver().findElement(By.id(id));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].click();", button);
    }
}
