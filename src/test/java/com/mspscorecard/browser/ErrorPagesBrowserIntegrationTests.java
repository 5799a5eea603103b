package com.mspscorecard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.mspscorecard.support.Browser;
import com.mspscorecard.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Error pages as people meet them in Chromium: the application's page, in their language, never JSON. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrorPagesBrowserIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void anOwnerMeetsAnUnknownClientAndAnUnknownAddressInEnglishAndItalian() {
        TestUsers.ensure("brw-err-owner", "OWNER");
        try (Browser browser = Browser.open(port)) {
            browser.signIn("brw-err-owner", TestUsers.PASSWORD);

            browser.go("/clients/999999");
            assertErrorPage(browser, "Page not found", "There is nothing at this address");
            browser.go("/no-such-page");
            assertErrorPage(browser, "Page not found", "There is nothing at this address");

            // The language menu's choice holds on error pages too.
            browser.go("/clients/999999?lang=it");
            assertErrorPage(browser, "Pagina non trovata", "Non c'è nulla a questo indirizzo");
            browser.go("/no-such-page");
            assertErrorPage(browser, "Pagina non trovata", "Non c'è nulla a questo indirizzo");
            assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("it");
        }
    }

    @Test
    void staffMeetAForbiddenPageInEnglishAndItalian() {
        TestUsers.ensure("brw-err-staff", "STAFF");
        try (Browser browser = Browser.open(port)) {
            browser.signIn("brw-err-staff", TestUsers.PASSWORD);

            browser.go("/users");
            assertErrorPage(browser, "Not allowed", "Your role does not give access to this page");
            browser.go("/audit?lang=it");
            assertErrorPage(browser, "Accesso non consentito", "Il tuo ruolo non consente");
            // The menu still works from an error page: staff can go on with their work.
            assertThat(browser.driver().findElement(By.linkText("Segnalazioni")).isDisplayed()).isTrue();
        }
    }

    private static void assertErrorPage(Browser browser, String heading, String text) {
        String body = browser.text(By.tagName("body"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo(heading);
        assertThat(body).contains(text).doesNotContain("??").doesNotContain("\"status\"").doesNotContain("{\"");
        assertThat(browser.driver().getTitle()).isEqualTo(heading + " · MSP Scorecard");
    }
}
