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
 * A portfolio too big to list (more than 300 active clients), in Chromium at 1366 px, as each role, in
 * English and Italian. The incident form: typing part of a name fills the suggestions from the server
 * (htmx), a suggested name logs the incident against that client, and a name that is no client's comes
 * back with the reason and the typed name. The notifications page: a digest preview in which hundreds of
 * clients lack figures names thirty of them and links to the entry grid for the rest. Each page passes the
 * checks of {@link PageSweepBrowserIntegrationTests}. On a database of its own: its 306 clients would push
 * other tests' clients off their first pages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "scorecard.test.fresh-database=true", "scorecard.test.context=incident-picker-browser" })
class IncidentPickerBrowserIntegrationTests {

    private static final int WIDTH = 1366;

    /** The users, by role; the account manager looks after 40 of the clients. */
    private static final List<String> USERS = List.of("ipb-owner", "ipb-manager", "ipb-staff");

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    private final List<String> problems = new ArrayList<>();

    @Test
    void everyRoleFindsTheClientByTypingAndLongDigestsAreShortlistedInBothLanguages() throws Exception {
        TestUsers.ensure(dataSource, "ipb-owner", "OWNER");
        TestUsers.ensure(dataSource, "ipb-manager", "ACCOUNT_MANAGER");
        TestUsers.ensure(dataSource, "ipb-staff", "STAFF");
        for (int i = 1; i <= 305; i++) {
            jdbc.update("insert into client (name) values (?) on conflict do nothing", "Picker client %03d".formatted(i));
        }
        jdbc.update("insert into client (name) values ('Shouty Ltd') on conflict do nothing");
        jdbc.update("""
                update client set account_manager_id = (select id from app_user where username = 'ipb-manager')
                where name between 'Picker client 001' and 'Picker client 040'""");
        long shouty = jdbc.queryForObject("select id from client where name = 'Shouty Ltd'", Long.class);
        PageChecks checks = new PageChecks(WIDTH);

        for (String user : USERS) {
            try (Browser b = Browser.open(port, WIDTH, 900)) {
                b.go("/login?lang=en");
                b.signIn(user, TestUsers.PASSWORD);
                for (String language : List.of("en", "it")) {
                    logAnIncidentByName(b, checks, user, language, shouty);
                    if (!user.equals("ipb-staff")) {
                        aLongDigestIsShortlisted(b, checks, user, language);
                    }
                }
            }
        }
        assertThat(jdbc.queryForObject("select count(*) from incident where description like 'Not saved%'",
                Integer.class)).isZero();
        assertThat(problems).isEmpty();
    }

    private void logAnIncidentByName(Browser b, PageChecks checks, String user, String language, long shouty) {
        b.go("/incidents?lang=" + language);
        drainConsole(b.driver());
        assertThat(b.driver().findElements(By.cssSelector("select#clientId"))).isEmpty();
        checks.check(b, user + " incidents by name", language, 200, problem -> problems.add(user + " " + language
                + " form: " + problem));

        b.type(By.id("clientName"), "shou");
        assertThat(suggestions(b)).containsExactly("Shouty Ltd");
        b.type(By.id("clientName"), "picker client 1");
        assertThat(suggestions(b)).hasSize(20).allMatch(name -> name.startsWith("Picker client 1"));

        String description = "Shouted at the helpdesk (" + user + ", " + language + ")";
        b.type(By.id("clientName"), "Shouty Ltd");
        b.click(By.id("category1"));
        b.type(By.id("description"), description);
        submit(b);
        assertThat(b.text(By.tagName("body"))).contains("en".equals(language)
                ? "The incident was logged." : "La segnalazione è stata registrata.");
        assertThat(jdbc.queryForObject("select client_id from incident where description = ?", Long.class,
                description)).isEqualTo(shouty);

        b.type(By.id("clientName"), "Nobody at all");
        b.click(By.id("category1"));
        b.type(By.id("description"), "Not saved (" + user + ")");
        submit(b);
        assertThat(b.text(By.tagName("body"))).contains("en".equals(language)
                ? "No active client is named “Nobody at all”" : "Nessun cliente attivo si chiama “Nobody at all”");
        assertThat(b.driver().findElement(By.id("clientName")).getAttribute("value")).isEqualTo("Nobody at all");
        checks.check(b, user + " incidents refused", language, 200, problem -> problems.add(user + " " + language
                + " refused: " + problem));
    }

    /** The owner's digest lists every client (306 lack figures), the manager's their own 40. */
    private void aLongDigestIsShortlisted(Browser b, PageChecks checks, String user, String language) {
        b.go("/account/notifications?lang=" + language);
        submit(b, "preview");
        b.go("/notifications");
        int more = user.equals("ipb-owner") ? 306 - 30 : 40 - 30;
        String body = b.text(By.tagName("body"));
        assertThat(body).contains("en".equals(language) ? "… and " + more + " more" : "… e altri " + more);
        assertThat(b.driver().findElements(By.cssSelector("a[href*='/metrics/entry?month=']"))).isNotEmpty();
        checks.check(b, user + " notifications", language, 200, problem -> problems.add(user + " " + language
                + " notifications: " + problem));
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
        submit(b, "log-incident");
    }

    private static void submit(Browser b, String button) {
        js(b, "window.oldPage = true; document.getElementById(arguments[0]).click();", button);
        b.waitUpTo(Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return window.oldPage === undefined && document.readyState === 'complete';")));
    }
}
