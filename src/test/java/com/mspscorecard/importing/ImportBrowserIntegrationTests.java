package com.mspscorecard.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import com.mspscorecard.support.Browser;
import com.mspscorecard.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportBrowserIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @Test
    void anAccountManagerSeesTheBadRowFixesItConfirmsAndFindsTheImportInTheHistory() throws Exception {
        TestUsers.ensure("imp-browser-am", "ACCOUNT_MANAGER");
        String client = "imp-browser " + UUID.randomUUID().toString().substring(0, 8);
        long clientId = jdbc.queryForObject("insert into client (name) values (?) returning id", Long.class, client);
        Path bad = dir.resolve("imp-bad.csv");
        Files.writeString(bad, "client;month;new_tickets;revenue;notes\n" + client + ";2025-01;3;1200,50;ok\n"
                + client + ";2025-02;-4;900,00;oops\n", StandardCharsets.UTF_8);
        Path fixed = dir.resolve("imp-fixed.csv");
        Files.writeString(fixed, "client;month;new_tickets;revenue;notes\n" + client + ";2025-01;3;1200,50;ok\n"
                + client + ";2025-02;4;900,00;fixed\n", StandardCharsets.UTF_8);

        try (Browser browser = Browser.open(port)) {
            browser.signIn("imp-browser-am", TestUsers.PASSWORD);
            browser.click(By.linkText("Import"));
            browser.driver().findElement(By.id("file")).sendKeys(bad.toString());
            browser.click(By.id("upload"));

            browser.waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("rejected")));
            assertThat(browser.text(By.id("rejected"))).contains("1 error in 1 row");
            assertThat(browser.text(By.id("preview-rows"))).contains("cannot be negative");
            // What was detected is shown: the semicolon dialect, the decimal comma and the ignored column.
            assertThat(browser.text(By.id("ignored"))).contains("notes");
            assertThat(browser.driver().findElements(By.id("confirm"))).isEmpty();
            assertThat(count(clientId)).isZero();

            browser.go("/imports");
            browser.driver().findElement(By.id("file")).sendKeys(fixed.toString());
            browser.click(By.id("upload"));
            browser.waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.elementToBeClickable(By.id("confirm")));
            assertThat(browser.text(By.id("count-new"))).contains("2");
            browser.click(By.id("confirm"));

            browser.waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("import-done")));
            assertThat(browser.text(By.id("import-done"))).contains("Imported 2 rows: 2 new");
            assertThat(count(clientId)).isEqualTo(2);

            browser.go("/imports");
            assertThat(browser.text(By.id("history"))).contains("imp-fixed.csv").contains("imp-browser-am");
        }
    }

    @Test
    void anUploadOverTheLimitGetsTheApplicationsMessageInTheReadersLanguage() throws Exception {
        TestUsers.ensure("imp-browser-big", "ACCOUNT_MANAGER");
        Path big = dir.resolve("imp-big.csv");
        byte[] row = "imp-browser-nobody,2025-01,3\n".getBytes(StandardCharsets.US_ASCII);
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(big))) {
            out.write("client,month,new_tickets\n".getBytes(StandardCharsets.US_ASCII));
            for (long written = 0; written <= 22L * 1024 * 1024; written += row.length) {
                out.write(row);
            }
        }

        try (Browser browser = Browser.open(port)) {
            browser.signIn("imp-browser-big", TestUsers.PASSWORD);
            browser.go("/imports?lang=it");
            // The token travels in the form's hidden field, never in its address.
            assertThat(browser.driver().findElement(By.id("upload-form")).getAttribute("action")).doesNotContain("_csrf");
            assertThat(browser.driver().findElements(By.cssSelector("#upload-form input[type=hidden][name=_csrf]")))
                    .hasSize(1);
            browser.driver().findElement(By.id("file")).sendKeys(big.toString());
            // form.submit() skips the page's own size check, as an old browser or a script would.
            ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("document.getElementById('upload-form').submit()");

            browser.waitUpTo(Duration.ofSeconds(60)).until(ExpectedConditions.presenceOfElementLocated(By.id("too-large")));
            assertThat(browser.text(By.id("too-large"))).isEqualTo("Il file supera i 20 MB, il massimo per "
                    + "un'importazione. Dividilo in file più piccoli, per esempio uno per anno.");
            assertThat(browser.driver().getPageSource()).doesNotContain("HTTP Status 413");
        }
    }

    private long count(long clientId) {
        return jdbc.queryForObject("select count(*) from monthly_snapshot where client_id = ?", Long.class, clientId);
    }
}
