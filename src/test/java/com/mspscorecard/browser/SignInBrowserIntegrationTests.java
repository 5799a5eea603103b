package com.mspscorecard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.mspscorecard.support.Browser;
import com.mspscorecard.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInBrowserIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void anOwnerSignsInSeesTheDashboardSwitchesToItalianAndSignsOut() {
        TestUsers.ensure("browser-owner", "OWNER");
        try (Browser browser = Browser.open(port)) {
            browser.signIn("browser-owner", TestUsers.PASSWORD);
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Dashboard");
            assertThat(browser.driver().findElement(By.linkText("Users")).isDisplayed()).isTrue();

            // The language menu is a Bootstrap dropdown: it only works if our scripts loaded under the CSP.
            browser.click(By.linkText("English"));
            browser.waitUpTo(Duration.ofSeconds(5)).until(ExpectedConditions.elementToBeClickable(By.id("lang-it")));
            browser.click(By.id("lang-it"));
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Cruscotto");
            assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("it");

            // The choice sticks for the next page.
            browser.go("/users");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Utenti");

            browser.click(By.linkText("browser-owner"));
            browser.waitUpTo(Duration.ofSeconds(5)).until(ExpectedConditions.elementToBeClickable(By.id("logout")));
            browser.click(By.id("logout"));
            assertThat(browser.urlOnceItMatches(".*/login\\?logout.*")).contains("/login?logout");
        }
    }
}
