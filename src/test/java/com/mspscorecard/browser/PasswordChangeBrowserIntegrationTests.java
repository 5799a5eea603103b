package com.mspscorecard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.mspscorecard.support.Browser;
import com.mspscorecard.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 11, defect 7, as a person meets it: two browsers, a password change in one signs out the other. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PasswordChangeBrowserIntegrationTests {

    private static final String NEW_PASSWORD = "a fox changed its passphrase at dawn";

    @LocalServerPort
    int port;

    @Test
    void changingThePasswordInOneBrowserSignsOutTheOther() {
        TestUsers.ensure("browser-pw", "STAFF");
        try (Browser laptop = Browser.open(port); Browser phone = Browser.open(port)) {
            laptop.signIn("browser-pw", TestUsers.PASSWORD);
            phone.signIn("browser-pw", TestUsers.PASSWORD);

            laptop.go("/account/password");
            assertThat(laptop.driver().findElement(By.id("endOtherSessions1")).isSelected()).isTrue();
            laptop.type(By.id("currentPassword"), TestUsers.PASSWORD)
                    .type(By.id("newPassword"), NEW_PASSWORD)
                    .type(By.id("confirmPassword"), NEW_PASSWORD);
            laptop.click(By.cssSelector("form[action='/account/password'] button[type=submit]"));
            assertThat(laptop.text(By.cssSelector(".alert-success")))
                    .isEqualTo("Your password was changed and your other sessions were signed out.");

            phone.go("/");
            assertThat(phone.urlOnceItMatches(".*/login\\?expired.*")).contains("/login?expired");
            laptop.go("/account/password");
            assertThat(laptop.text(By.tagName("h1"))).isEqualTo("Change password");
        }
    }
}
