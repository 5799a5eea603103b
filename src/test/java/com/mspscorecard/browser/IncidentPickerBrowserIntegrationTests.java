package com.mspscorecard.browser;

import static com.mspscorecard.browser.PageChecks.drainConsole;
import static com.mspscorecard.browser.PageChecks.js;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.mspscorecard.support.Browser;
import com.mspscorecard.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The incident form of a portfolio too big to list (more than 300 active clients), in Chromium, as
 * staff, in English and Italian: typing part of a name fills the suggestions from the server (htmx),
 * a suggested name logs the incident against that client, and a name that is no client's comes back
 * with the reason in the reader's language and the page checks of {@link PageSweepBrowserIntegrationTests}.
 * On a database of its own: its 305 clients would push other tests' clients off their first pages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "scorecard.test.fresh-database=true", "scorecard.test.context=incident-picker-browser" })
class IncidentPickerBrowserIntegrationTests {

    private static final int WIDTH = 1366;

    private static final String STAFF = "ipb-staff";

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void staffFindTheClientByTypingAndAnUnknownNameIsExplainedInBothLanguages() throws Exception {
        TestUsers.ensure(dataSource, STAFF, "STAFF");
        for (int i = 1; i <= 305; i++) {
            jdbc.update("insert into client (name) values (?) on conflict do nothing", "Picker client %03d".formatted(i));
        }
        jdbc.update("insert into client (name) values ('Shouty Ltd') on conflict do nothing");
        long shouty = jdbc.queryForObject("select id from client where name = 'Shouty Ltd'", Long.class);
        PageChecks checks = new PageChecks(WIDTH);
        List<String> problems = new ArrayList<>();

        try (Browser b = Browser.open(port, WIDTH, 900)) {
            b.go("/login?lang=en");
            b.signIn(STAFF, TestUsers.PASSWORD);
            for (String language : List.of("en", "it")) {
                b.go("/incidents?lang=" + language);
                drainConsole(b.driver());
                assertThat(b.driver().findElements(By.cssSelector("select#clientId"))).isEmpty();

                b.type(By.id("clientName"), "shou");
                List<String> suggested = suggestions(b);
                assertThat(suggested).containsExactly("Shouty Ltd");
                b.type(By.id("clientName"), "picker client 1");
                assertThat(suggestions(b)).hasSize(20).allMatch(name -> name.startsWith("Picker client 1"));

                b.type(By.id("clientName"), "Shouty Ltd");
                b.click(By.id("category1"));
                b.type(By.id("description"), "Shouted at the helpdesk (" + language + ")");
                submit(b);
                assertThat(b.text(By.tagName("body"))).contains("en".equals(language)
                        ? "The incident was logged." : "La segnalazione è stata registrata.");
                assertThat(jdbc.queryForObject("select client_id from incident where description = ?", Long.class,
                        "Shouted at the helpdesk (" + language + ")")).isEqualTo(shouty);

                b.type(By.id("clientName"), "Nobody at all");
                b.click(By.id("category1"));
                b.type(By.id("description"), "Not saved");
                submit(b);
                assertThat(b.text(By.tagName("body"))).contains("en".equals(language)
                        ? "No active client is named “Nobody at all”" : "Nessun cliente attivo si chiama “Nobody at all”");
                assertThat(b.driver().findElement(By.id("clientName")).getAttribute("value")).isEqualTo("Nobody at all");
                checks.check(b, "incidents refused", language, 200, problem -> problems.add(language + ": " + problem));
            }
        }
        assertThat(jdbc.queryForObject("select count(*) from incident where description = 'Not saved'", Integer.class))
                .isZero();
        assertThat(problems).isEmpty();
    }

    /** The names the datalist offers, once the server's answer to the typing has been swapped in. */
    @SuppressWarnings("unchecked")
    private static List<String> suggestions(Browser b) {
        String typed = b.driver().findElement(By.id("clientName")).getAttribute("value").toLowerCase();
        b.waitUpTo(Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "const o = [...document.querySelectorAll('#incident-client-options option')];"
                        + " return o.length > 0 && o.every(x => x.value.toLowerCase().includes(arguments[0]));", typed)));
        return (List<String>) js(b, "return [...document.querySelectorAll('#incident-client-options option')].map(o => o.value);");
    }

    private static void submit(Browser b) {
        js(b, "window.oldPage = true; document.getElementById('log-incident').click();");
        b.waitUpTo(Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return window.oldPage === undefined && document.readyState === 'complete';")));
    }
}
