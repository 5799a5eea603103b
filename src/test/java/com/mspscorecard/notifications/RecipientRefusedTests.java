package com.mspscorecard.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.Map;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

/** Which failures mean "this address is refused for good" (mark it, stop) and which mean "try again later". */
class RecipientRefusedTests {

    @Test
    void aRecipientTheServerListsAsInvalidIsRefusedForGood() throws Exception {
        Address[] invalid = { new InternetAddress("gone@example.com") };
        SendFailedException refused = new SendFailedException("Invalid Addresses", null, new Address[0], new Address[0],
                invalid);
        assertThat(OutboxSender.recipientRefused(new MailSendException(Map.of(new Object(), refused)))).isTrue();
        assertThat(OutboxSender.recipientRefused(refused)).isTrue();
    }

    @Test
    void aServerThatIsDownOrAsksToWaitIsTriedAgain() throws Exception {
        MessagingException down = new MessagingException("Could not connect to SMTP host", new ConnectException("refused"));
        assertThat(OutboxSender.recipientRefused(new MailSendException("Mail server connection failed", down))).isFalse();
        Address[] unsent = { new InternetAddress("busy@example.com") };
        SendFailedException later = new SendFailedException("452 try later", null, new Address[0], unsent, new Address[0]);
        assertThat(OutboxSender.recipientRefused(later)).isFalse();
    }
}
