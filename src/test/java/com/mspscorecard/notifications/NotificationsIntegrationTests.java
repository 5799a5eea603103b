package com.mspscorecard.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.mspscorecard.clients.ClientTermsChanged;
import com.mspscorecard.metrics.SnapshotsChanged;
import com.mspscorecard.scoring.ScorecardQueries;
import com.mspscorecard.support.TestUsers;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Digest and alerts end to end, with mail read from a real SMTP server in the test JVM (GreenMail):
 * who is told what, in which language, after a commit and never after a rollback; a bulk change in
 * one message; an SMTP server that is down or refuses an address; a user without an address; the
 * digest queued once however many runs. Its own database: alerts and digests are portfolio-wide.
 */
@SpringBootTest(properties = { "scorecard.test.fresh-database=true", "spring.mail.host=127.0.0.1",
        "scorecard.mail.retry-delay=PT0S", "scorecard.mail.max-attempts=3", "scorecard.mail.outbox-interval=PT1H",
        "scorecard.mail.outbox-first-run=PT1H", "scorecard.digest.check-interval=PT1H",
        "scorecard.digest.first-check=PT1H", "scorecard.base-url=https://scorecard.example.com/",
        "scorecard.mail.from=scorecard@example.com" })
@AutoConfigureMockMvc
class NotificationsIntegrationTests {

    static final int SMTP_PORT = freePort();

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(true);

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    OutboxSender sender;

    @Autowired
    MonthlyDigest digest;

    @Autowired
    ScorecardQueries scorecards;

    @Autowired
    JavaMailSenderImpl smtp;

    @Autowired
    Clock clock;

    YearMonth last;

    long alpha;

    long bravo;

    @BeforeEach
    void portfolio() {
        TestUsers.ensure(jdbc.getDataSource(), "n-owner", "OWNER");
        TestUsers.ensure(jdbc.getDataSource(), "n-am-it", "ACCOUNT_MANAGER");
        TestUsers.ensure(jdbc.getDataSource(), "n-am-none", "ACCOUNT_MANAGER");
        TestUsers.ensure(jdbc.getDataSource(), "n-tech", "STAFF");
        jdbc.update("update app_user set email = 'owner@example.com', language = 'en', email_refused_at = null where username = 'n-owner'");
        jdbc.update("update app_user set email = 'am@example.it', language = 'it', email_refused_at = null where username = 'n-am-it'");
        jdbc.update("update app_user set email = null where username = 'n-am-none'");
        jdbc.update("update app_user set email = 'tech@example.com' where username = 'n-tech'");
        jdbc.update("delete from notification_choice");
        last = YearMonth.now(clock).minusMonths(1);
        String suffix = Long.toString(System.nanoTime(), 36);
        alpha = client("Alpha " + suffix, "n-am-it");
        bravo = client("Bravo " + suffix, "n-am-none");
        for (long id : List.of(alpha, bravo)) {
            snapshot(id, last.minusMonths(1), false, 0);
            snapshot(id, last, false, 0);
        }
        forgetMessages();
    }

    @Test
    void anAlertGoesAfterTheCommitToOwnersAndTheClientsOwnManagerInTheirLanguageAndNoneAfterARollback() throws Exception {
        try {
            transactions.executeWithoutResult(tx -> {
                jdbc.update("update monthly_snapshot set late_payments = 3 where client_id = ? and month = ?", alpha,
                        last.atDay(1));
                events.publishEvent(new SnapshotsChanged(Set.of(alpha), Set.of(last)));
                throw new IllegalStateException("the change fails after rescoring");
            });
        }
        catch (IllegalStateException expected) {
            // rolled back
        }
        assertThat(count("notification")).isZero();
        assertThat(count("mail_outbox")).isZero();

        snapshot(alpha, last, false, 3);
        sender.sendDue();
        assertThat(mail.waitForIncomingEmail(5000, 2)).isTrue();
        assertThat(recipients()).containsExactlyInAnyOrder("owner@example.com", "am@example.it");
        MimeMessage owner = to("owner@example.com");
        assertThat(owner.getSubject()).isEqualTo("MSP Scorecard alert: " + name(alpha) + " gained a dealbreaker");
        assertThat(text(owner)).contains("Recurring late payments")
                .contains("https://scorecard.example.com/clients/" + alpha + "/scorecard");
        assertThat(to("am@example.it").getSubject()).contains("ha un nuovo motivo di rottura");
        // The manager without an address and the owner are told in the application too; staff never.
        assertThat(notificationsOf("n-am-none")).isZero();
        assertThat(notificationsOf("n-tech")).isZero();
        assertThat(notificationsOf("n-owner")).isEqualTo(1);

        // The same dealbreaker again is not news.
        snapshot(alpha, last, false, 3);
        assertThat(count("mail_outbox")).isEqualTo(2);
    }

    @Test
    void aGradeDropIsAlertedAndAChangeToManyClientsIsOneMessage() throws Exception {
        String before = scorecards.latestOfClient(alpha).orElseThrow().grade();
        transactions.executeWithoutResult(tx -> {
            for (long id : List.of(alpha, bravo)) {
                jdbc.update("""
                        update monthly_snapshot set reopened_tickets = 9, escalations = 8, disputed_invoices = 2,
                            avg_days_to_pay = 120, delivery_cost = 1600, recommendations_implemented = 0,
                            recommendations_ignored = 6 where client_id = ? and month = ?""", id, last.atDay(1));
            }
            events.publishEvent(new SnapshotsChanged(Set.of(alpha, bravo), Set.of(last)));
        });
        String after = scorecards.latestOfClient(alpha).orElseThrow().grade();
        assertThat(after).isGreaterThan(before);

        sender.sendDue();
        assertThat(mail.waitForIncomingEmail(5000, 2)).isTrue();
        MimeMessage owner = to("owner@example.com");
        assertThat(owner.getSubject()).isEqualTo("MSP Scorecard alert: 2 changes");
        assertThat(text(owner)).contains(name(alpha)).contains(name(bravo))
                .contains("fell from grade " + before + " to " + after);
        assertThat(Arrays.stream(mail.getReceivedMessages()).filter(m -> recipient(m).equals("owner@example.com")))
                .hasSize(1);
        // The Italian manager hears only of their own client, in one message.
        MimeMessage manager = to("am@example.it");
        assertThat(text(manager)).contains(name(alpha)).doesNotContain(name(bravo))
                .contains("è sceso dal voto");
    }

    @Test
    void theDigestTellsEachRoleItsPartInItsLanguageOnceHoweverManyRunsAndInstances() throws Exception {
        snapshot(alpha, last, true, 3);
        long charlie = client("Charlie " + Long.toString(System.nanoTime(), 36), "n-am-none");
        snapshot(charlie, last.minusMonths(1), false, 0);
        jdbc.update("update client set contract_end = ?, notice_period_days = 30 where id = ?",
                java.time.LocalDate.now(clock).plusDays(60), charlie);
        forgetMessages();
        YearMonth month = YearMonth.now(clock);
        assertThat(digest.sendIfDue(ZonedDateTime.now(clock).withDayOfMonth(1).withHour(6))).isZero();

        // Two instances at once, then a third run: one digest each.
        var first = CompletableFuture.supplyAsync(() -> digest.send(month));
        var second = CompletableFuture.supplyAsync(() -> digest.send(month));
        assertThat(first.get() + second.get()).isEqualTo(3);
        assertThat(digest.sendIfDue(ZonedDateTime.now(clock).withDayOfMonth(1).withHour(7))).isZero();
        assertThat(jdbc.queryForObject("select count(*) from digest_delivery where month = ?", Integer.class,
                month.atDay(1))).isEqualTo(3);

        sendUntil(() -> jdbc.queryForObject("select count(*) from mail_outbox where kind = 'DIGEST' and status = 'SENT'",
                Integer.class) == 2);
        // (An alert of the change above may arrive too: only the digests count here.)
        assertThat(Arrays.stream(mail.getReceivedMessages()).filter(NotificationsIntegrationTests::isDigest)
                .map(NotificationsIntegrationTests::recipient)).containsExactlyInAnyOrder("owner@example.com", "am@example.it");
        String owner = text(digestTo("owner@example.com"));
        assertThat(digestTo("owner@example.com").getSubject()).isEqualTo("MSP Scorecard monthly digest, " + month);
        assertThat(owner).contains("The whole portfolio").contains("Grade changes in " + last)
                .contains(name(alpha)).contains("Recurring late payments").contains("Offboard")
                .contains("Notice deadlines in the next 90 days")
                .contains("give notice by " + java.time.LocalDate.now(clock).plusDays(30))
                .contains("Figures missing for " + last).contains(name(charlie))
                .contains("https://scorecard.example.com/clients/" + charlie + "/months");
        String manager = text(digestTo("am@example.it"));
        assertThat(manager).contains("I tuoi clienti").contains("Voti cambiati in " + last).contains(name(alpha))
                .doesNotContain(name(bravo)).doesNotContain(name(charlie));
        // No address: the digest is in the application.
        assertThat(notificationsOf("n-am-none")).isEqualTo(1);
        mvc.perform(get("/notifications").with(user("n-am-none").roles("ACCOUNT_MANAGER")))
                .andExpect(content().string(containsString("Your own clients.")))
                .andExpect(content().string(containsString(name(charlie))))
                .andExpect(content().string(not(containsString(name(alpha)))));
        assertThat(notificationsOf("n-tech")).isZero();
    }

    @Test
    void anSmtpServerThatIsDownNeverFailsTheActionAndTheMessageIsRetriedThenShownAsFailed() throws Exception {
        mail.stop();
        mvc.perform(post("/account/notifications/preview").with(csrf()).with(user("n-owner").roles("OWNER")))
                .andExpect(redirectedUrl("/account/notifications"))
                .andExpect(flash().attribute("message", "notifications.preview.mailed"));
        sendUntil(() -> "FAILED".equals(outboxStatus()));
        assertThat(outboxStatus()).isEqualTo("FAILED");
        assertThat(jdbc.queryForObject("select attempts from mail_outbox", Integer.class)).isEqualTo(3);
        mvc.perform(get("/notifications/outbox").with(user("n-owner").roles("OWNER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("owner@example.com")))
                .andExpect(content().string(containsString("(preview)")));
        // The address itself was not refused: nothing marked.
        assertThat(jdbc.queryForObject("select email_refused_at is null from app_user where username = 'n-owner'",
                Boolean.class)).isTrue();
    }

    @Test
    void anAddressTheServerRefusesIsMarkedOnTheUsersPageAndNotTriedAgain() throws Exception {
        int port = smtp.getPort();
        try (RefusingSmtpServer refusing = new RefusingSmtpServer()) {
            smtp.setPort(refusing.port());
            mvc.perform(post("/account/notifications/preview").with(csrf()).with(user("n-am-it").roles("ACCOUNT_MANAGER")))
                    .andExpect(redirectedUrl("/account/notifications"));
            sendUntil(() -> !"QUEUED".equals(outboxStatus()));
        }
        finally {
            smtp.setPort(port);
        }
        assertThat(outboxStatus()).isEqualTo("FAILED");
        assertThat(jdbc.queryForObject("select attempts from mail_outbox", Integer.class)).isEqualTo(1);
        mvc.perform(get("/users").with(user("n-owner").roles("OWNER")))
                .andExpect(content().string(containsString("The mail server refused this address")));
        // Refused: later messages go to the application instead.
        mvc.perform(post("/account/notifications/preview").with(csrf()).with(user("n-am-it").roles("ACCOUNT_MANAGER")))
                .andExpect(flash().attribute("message", "notifications.preview.inApp"));
        // A new address forgets the refusal.
        long id = jdbc.queryForObject("select id from app_user where username = 'n-am-it'", Long.class);
        mvc.perform(post("/users/" + id + "/email").with(csrf()).with(user("n-owner").roles("OWNER"))
                .param("email", "new@example.it")).andExpect(redirectedUrl("/users"));
        assertThat(jdbc.queryForObject("select email_refused_at is null from app_user where id = ?", Boolean.class, id))
                .isTrue();
    }

    @Test
    void theUsersPageSaysWhoHasNoAddressAndRefusesAMalformedOne() throws Exception {
        mvc.perform(get("/users").with(user("n-owner").roles("OWNER")))
                .andExpect(content().string(containsString("No address: this user gets digest and alerts in the application only.")));
        long id = jdbc.queryForObject("select id from app_user where username = 'n-am-none'", Long.class);
        mvc.perform(post("/users/" + id + "/email").with(csrf()).with(user("n-owner").roles("OWNER"))
                .param("email", "not an address")).andExpect(flash().attribute("error", "user.email.invalid"));
        assertThat(jdbc.queryForObject("select email from app_user where id = ?", String.class, id)).isNull();
    }

    @Test
    void theBellCountsUnreadNotificationsUntilTheyAreRead() throws Exception {
        mvc.perform(post("/account/notifications").with(csrf()).with(user("n-owner").roles("OWNER"))
                .param("digestApp", "true").param("alertsApp", "true")).andExpect(redirectedUrl("/account/notifications"));
        snapshot(alpha, last, false, 3);
        assertThat(count("mail_outbox")).isEqualTo(1); // the Italian manager's; the owner chose the application only
        mvc.perform(get("/").with(user("n-owner").roles("OWNER")))
                .andExpect(content().string(containsString("id=\"bell-count\">1<")));
        long id = jdbc.queryForObject("select n.id from notification n join app_user u on u.id = n.user_id "
                + "where u.username = 'n-owner'", Long.class);
        mvc.perform(post("/notifications/" + id + "/read").with(csrf()).with(user("n-am-it").roles("ACCOUNT_MANAGER")))
                .andExpect(flash().attribute("error", "notifications.notFound"));
        mvc.perform(post("/notifications/read-all").with(csrf()).with(user("n-owner").roles("OWNER")))
                .andExpect(redirectedUrl("/notifications"));
        mvc.perform(get("/notifications").with(user("n-owner").roles("OWNER")))
                .andExpect(content().string(not(containsString("bell-count"))))
                .andExpect(content().string(containsString(name(alpha))));
        mvc.perform(get("/account/notifications").with(user("n-tech").roles("STAFF")))
                .andExpect(content().string(containsString("staff are not sent any")));
    }

    @Test
    void theLanguageAUserPicksIsKeptForWhatIsWrittenToThem() throws Exception {
        jdbc.update("update app_user set language = 'en' where username = 'n-owner'");
        mvc.perform(get("/notifications").param("lang", "it").with(user("n-owner").roles("OWNER")))
                .andExpect(content().string(containsString("Notifiche")));
        assertThat(jdbc.queryForObject("select language from app_user where username = 'n-owner'", String.class))
                .isEqualTo("it");
        mvc.perform(get("/account/notifications").param("lang", "xx").with(user("n-owner").roles("OWNER")))
                .andExpect(status().isOk());
        assertThat(jdbc.queryForObject("select language from app_user where username = 'n-owner'", String.class))
                .isEqualTo("it");
    }

    // --- the portfolio

    private long client(String name, String manager) {
        return transactions.execute(tx -> {
            long id = jdbc.queryForObject("""
                    insert into client (name, payment_terms, endpoints, account_manager_id)
                    values (?, 'NET_30', 10, (select id from app_user where username = ?)) returning id""", Long.class,
                    name, manager);
            events.publishEvent(new ClientTermsChanged(id));
            return id;
        });
    }

    /** A healthy month, or with {@code late} late payments ({@code worse}: a costly, quarrelsome one). */
    private void snapshot(long id, YearMonth month, boolean worse, int late) {
        transactions.executeWithoutResult(tx -> {
            jdbc.update("""
                    insert into monthly_snapshot (client_id, month, new_tickets, reopened_tickets, admin_requests,
                        escalations, invoices_issued, disputed_invoices, late_payments, avg_days_to_pay, revenue,
                        delivery_cost, recommendations_implemented, recommendations_ignored, security_incidents)
                    values (?, ?, 10, 1, 2, ?, 2, 0, ?, ?, 1000, ?, 3, 1, 0)
                    on conflict (client_id, month) do update set late_payments = excluded.late_payments,
                        escalations = excluded.escalations, avg_days_to_pay = excluded.avg_days_to_pay,
                        delivery_cost = excluded.delivery_cost
                    """, id, month.atDay(1), worse ? 8 : 1, late, worse ? 120 : 30, worse ? 1600 : 500);
            events.publishEvent(new SnapshotsChanged(Set.of(id), Set.of(month)));
        });
    }

    private void forgetMessages() {
        jdbc.update("delete from notification");
        jdbc.update("delete from mail_outbox");
        jdbc.update("delete from digest_delivery");
        try {
            mail.purgeEmailFromAllMailboxes();
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs the sender until the condition holds: a run started after a commit on another thread
     * holds the sender's lock meanwhile, and a run that finds it held does nothing.
     */
    private void sendUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
        for (int i = 0; i < 50 && !done.getAsBoolean(); i++) {
            sender.sendDue();
            Thread.sleep(100);
        }
    }

    /** The text and HTML parts of a mail, decoded. */
    private static String text(jakarta.mail.Part part) {
        try {
            Object content = part.getContent();
            if (content instanceof jakarta.mail.Multipart multipart) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < multipart.getCount(); i++) {
                    text.append(text(multipart.getBodyPart(i))).append('\n');
                }
                return text.toString();
            }
            return content instanceof String string ? string : "";
        }
        catch (IOException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String name(long client) {
        return jdbc.queryForObject("select name from client where id = ?", String.class, client);
    }

    private int count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }

    private int notificationsOf(String username) {
        return jdbc.queryForObject("select count(*) from notification n join app_user u on u.id = n.user_id "
                + "where u.username = ?", Integer.class, username);
    }

    private String outboxStatus() {
        return jdbc.queryForObject("select status from mail_outbox", String.class);
    }

    private List<String> recipients() {
        return Arrays.stream(mail.getReceivedMessages()).map(NotificationsIntegrationTests::recipient).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        }
        catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isDigest(MimeMessage message) {
        return subject(message).contains("monthly digest") || subject(message).contains("Riepilogo mensile");
    }

    private MimeMessage digestTo(String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> recipient(m).equals(address) && isDigest(m))
                .findFirst().orElseThrow(() -> new AssertionError("no digest to " + address));
    }

    /** The latest mail to the address. */
    private MimeMessage to(String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> recipient(m).equals(address))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no mail to " + address));
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        }
        catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
