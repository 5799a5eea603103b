package com.mspscorecard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;

import com.mspscorecard.support.Browser;
import com.mspscorecard.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a keyboard or screen-reader user meets: the grid saves with the shortcut the page shows,
 * a refused cell names its reason to assistive technology, filter lists never reload the page
 * on an arrow key, and the Italian menu fits a 1366 px screen on one line.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KeyboardAndLayoutBrowserIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theGridSavesWithCtrlEnterAndARefusedCellIsDescribedByItsReason() {
        TestUsers.ensure("kbd-am", "ACCOUNT_MANAGER");
        long am = jdbc.queryForObject("select id from app_user where username = 'kbd-am'", Long.class);
        jdbc.update("insert into client (name, account_manager_id) values ('kbd Delta', ?) on conflict do nothing", am);
        long id = jdbc.queryForObject("select id from client where name = 'kbd Delta'", Long.class);
        try (Browser browser = Browser.open(port)) {
            browser.signIn("kbd-am", TestUsers.PASSWORD);
            browser.go("/metrics/entry");
            assertThat(browser.driver().findElements(By.id("save-entry-top"))).hasSize(1);
            assertThat(browser.text(By.id("save-shortcut"))).contains("Ctrl+Enter");

            WebElement cell = browser.driver().findElement(By.id("c" + id + ".new_tickets"));
            cell.clear();
            cell.sendKeys("abc", Keys.chord(Keys.CONTROL, Keys.ENTER));
            assertThat(browser.text(By.id("entry-errors"))).contains("nothing was saved");

            WebElement refused = browser.driver().findElement(By.id("c" + id + ".new_tickets"));
            String describedBy = refused.getAttribute("aria-describedby");
            assertThat(describedBy).isNotBlank();
            assertThat(browser.driver().findElement(By.id(describedBy)).getText()).isEqualTo("\"abc\" is not a number: write it like 2,500.");

            refused.clear();
            refused.sendKeys("7", Keys.chord(Keys.CONTROL, Keys.ENTER));
            assertThat(browser.text(By.cssSelector(".alert-success"))).contains("saved for all clients");
        }
        assertThat(jdbc.queryForObject("select new_tickets from monthly_snapshot where client_id = ? and to_char(month, 'YYYY-MM') = ?",
                Integer.class, id, YearMonth.now().minusMonths(1).toString())).isEqualTo(7);
    }

    @Test
    void anArrowKeyInAFilterListDoesNotReloadThePage() {
        TestUsers.ensure("kbd-owner", "OWNER");
        try (Browser browser = Browser.open(port)) {
            browser.signIn("kbd-owner", TestUsers.PASSWORD);
            for (String page : new String[] { "/clients", "/metrics/entry" }) {
                browser.go(page);
                String before = browser.driver().getCurrentUrl();
                ((JavascriptExecutor) browser.driver()).executeScript("window.stillHere = true;");
                WebElement select = browser.driver().findElement(By.cssSelector("main select"));
                select.sendKeys(Keys.ARROW_DOWN);
                assertThat(browser.driver().getCurrentUrl()).as(page).isEqualTo(before);
                assertThat(((JavascriptExecutor) browser.driver()).executeScript("return window.stillHere === true;"))
                        .as("%s was not reloaded", page).isEqualTo(true);
            }
        }
    }

    @Test
    void theItalianMenuFitsOnOneLineAt1366Pixels() {
        TestUsers.ensure("kbd-owner", "OWNER");
        try (Browser browser = Browser.open(port)) {
            browser.driver().manage().window().setSize(new Dimension(1366, 900));
            browser.signIn("kbd-owner", TestUsers.PASSWORD);
            browser.go("/?lang=it");
            WebElement brand = browser.driver().findElement(By.cssSelector(".navbar-brand"));
            for (WebElement link : browser.driver().findElements(By.cssSelector("#mainNav .nav-link"))) {
                assertThat(link.getRect().getY()).as("'%s' is on the first line of the menu", link.getText())
                        .isLessThan(brand.getRect().getY() + brand.getRect().getHeight());
                assertThat(link.getRect().getHeight()).as("'%s' does not wrap inside itself", link.getText())
                        .isLessThan(2 * brand.getRect().getHeight());
            }
            Object scrollWidth = ((JavascriptExecutor) browser.driver())
                    .executeScript("return document.documentElement.scrollWidth;");
            assertThat(((Number) scrollWidth).intValue()).isLessThanOrEqualTo(1366);
        }
    }
}
