package com.mspscorecard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;

import com.mspscorecard.support.Browser;
import com.mspscorecard.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MonthlyEntryBrowserIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAccountManagerFillsTheGridForThreeClientsFixesTheRefusedCellAndSaves() {
        TestUsers.ensure("brw-am", "ACCOUNT_MANAGER");
        long am = jdbc.queryForObject("select id from app_user where username = 'brw-am'", Long.class);
        long[] ids = new long[3];
        String[] names = { "brw Alpha", "brw Beta", "brw Gamma" };
        for (int i = 0; i < 3; i++) {
            jdbc.update("insert into client (name, account_manager_id) values (?, ?) on conflict do nothing", names[i], am);
            ids[i] = jdbc.queryForObject("select id from client where name = ?", Long.class, names[i]);
        }
        String month = YearMonth.now().minusMonths(1).toString();
        try (Browser browser = Browser.open(port)) {
            browser.signIn("brw-am", TestUsers.PASSWORD);
            browser.click(By.linkText("Monthly entry"));
            assertThat(browser.text(By.tagName("h1"))).contains(month);
            // The cursor starts in the first cell; Tab moves along the row, Enter to the next client.
            WebElement first = browser.driver().switchTo().activeElement();
            assertThat(first.getAttribute("name")).isEqualTo("c" + ids[0] + ".new_tickets");
            first.sendKeys("10", Keys.TAB, "2");
            browser.type(By.id("c" + ids[1] + ".new_tickets"), "abc");
            browser.type(By.id("c" + ids[2] + ".new_tickets"), "30");
            browser.type(By.id("c" + ids[2] + ".revenue"), "1250,50");
            browser.click(By.id("save-entry"));

            assertThat(browser.text(By.id("entry-errors"))).contains("1 cell needs correcting").contains("nothing was saved");
            WebElement refused = browser.driver().findElement(By.id("c" + ids[1] + ".new_tickets"));
            assertThat(refused.getAttribute("class")).contains("is-invalid");
            assertThat(refused.getAttribute("value")).isEqualTo("abc");
            assertThat(browser.driver().findElement(By.id("c" + ids[0] + ".reopened_tickets")).getAttribute("value")).isEqualTo("2");
            assertThat(browser.driver().findElement(By.id("c" + ids[2] + ".revenue")).getAttribute("value")).isEqualTo("1250,50");
            assertThat(browser.driver().getPageSource()).contains("is not a number: write it like 2,500.");
            assertThat(jdbc.queryForObject("select count(*) from monthly_snapshot where client_id in (?, ?, ?)",
                    Integer.class, ids[0], ids[1], ids[2])).isZero();

            browser.type(By.id("c" + ids[1] + ".new_tickets"), "20");
            browser.click(By.id("save-entry"));
            assertThat(browser.text(By.cssSelector(".alert-success"))).contains("saved for all clients");
            assertThat(browser.driver().findElement(By.id("c" + ids[2] + ".revenue")).getAttribute("value")).isEqualTo("1250.50");
        }
        assertThat(jdbc.queryForList("select new_tickets from monthly_snapshot where client_id in (?, ?, ?) order by new_tickets",
                Integer.class, ids[0], ids[1], ids[2])).containsExactly(10, 20, 30);
    }
}
