package com.mspscorecard.browser;

import static com.mspscorecard.browser.PageChecks.drainConsole;
import static com.mspscorecard.browser.PageChecks.firstLine;
import static com.mspscorecard.browser.PageChecks.js;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.mspscorecard.support.Browser;
import com.mspscorecard.support.TestUsers;
import com.mspscorecard.users.DemoPortfolio;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The offboarding pages with data in them, in Chromium at 1366 × 900, on the demo portfolio: the
 * owner opens a case from an OFFBOARD (or CONSIDER_OFFBOARDING) client's scorecard and a price-raise
 * proposal from a RAISE_PRICE one, assigns a checklist item to a member of staff, who ticks it; the
 * case page, the case list, the tasks page, the deadlines page and the proposal page are then checked
 * as the owner, as the clients' account manager and (tasks; the case page must refuse) as staff, in
 * English and in Italian, with the checks of {@link PageSweepBrowserIntegrationTests}: status,
 * no "??", no JSON, nothing wider than the window, no console error, a translated title, and no
 * axe-core WCAG 2.1 A/AA violation. Failures of the page checks are collected into
 * {@code target/offboarding-browser.txt}, so one run shows all of them.
 *
 * <p>On a database of its own: the demo portfolio loads only into an empty one, and the cases and
 * proposal opened here change clients' statuses that other tests should not see.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "scorecard.test.fresh-database=true", "scorecard.test.context=offboarding-browser" })
class OffboardingBrowserIntegrationTests {

    private static final int WIDTH = 1366;

    private static final int HEIGHT = 900;

    private static final Path REPORT = Path.of("target", "offboarding-browser.txt");

    private static final String OWNER = "obb-owner";

    private static final String MANAGER = "obb-manager";

    private static final String STAFF = "obb-staff";

    /** One visit: what the browser does to reach the page, and the status the page must answer. */
    record Step(String key, int status, Consumer<Browser> action) {
    }

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DemoPortfolio demo;

    @Autowired
    Clock clock;

    private final List<String> failures = new ArrayList<>();


    private final List<String> visited = new ArrayList<>();

    private PageChecks checks;

    private long leaving;

    private long raising;

    private long caseId;

    private long proposalId;

    private String assignedTitle;

    @Test
    void theOffboardingPagesWithDataPassThePageChecksForEveryRoleInBothLanguages() throws Exception {
        checks = new PageChecks(WIDTH);
        TestUsers.ensure(dataSource, OWNER, "OWNER");
        TestUsers.ensure(dataSource, MANAGER, "ACCOUNT_MANAGER");
        TestUsers.ensure(dataSource, STAFF, "STAFF");
        demo.loadIfEmpty();
        leaving = latestWith("'OFFBOARD', 'CONSIDER_OFFBOARDING'");
        raising = latestWith("'RAISE_PRICE'");
        LocalDate today = LocalDate.now(clock);
        // Both clients become the account manager's, and their contracts end soon, so the deadlines
        // page has rows: one notice deadline still ahead (within 90 days), one already passed.
        jdbc.update("""
                update client set account_manager_id = (select id from app_user where username = ?),
                    contract_end = ?, notice_period_days = 60, version = version + 1 where id = ?""",
                MANAGER, today.plusDays(100), leaving);
        jdbc.update("""
                update client set account_manager_id = (select id from app_user where username = ?),
                    contract_end = ?, notice_period_days = 60, version = version + 1 where id = ?""",
                MANAGER, today.plusDays(45), raising);

        try (Browser owner = signedIn(OWNER)) {
            openTheCaseFromTheScorecard(owner);
            theLetterDownloadsAsPdf(owner);
            assignAnItemToStaff(owner);
            openAProposalFromTheScorecard(owner);
        }

        sweep("owner", OWNER, dataPages());
        sweep("account manager", MANAGER, dataPages());
        sweep("staff", STAFF, List.of(
                get("/offboarding/tasks", 200),
                new Step("/offboarding/{case} forbidden", 403, b -> {
                    b.go("/offboarding/" + caseId);
                    String lang = b.driver().findElement(By.tagName("html")).getAttribute("lang");
                    String heading = "it".equals(lang) ? "Accesso non consentito" : "Not allowed";
                    assertThat(b.text(By.tagName("h1"))).isEqualTo(heading);
                    assertThat(b.driver().getTitle()).isEqualTo(heading + " · MSP Scorecard");
                    assertThat(b.text(By.tagName("body"))).doesNotContain("??").doesNotContain("{\"");
                })));

        staffTicksTheItemAndTheOwnerSeesWhoAndWhen();

        List<String> lines = new ArrayList<>();
        lines.add("Offboarding pages: " + visited.size() + " visits, " + failures.size() + " failures");
        lines.addAll(failures);
        Files.createDirectories(REPORT.getParent());
        Files.write(REPORT, lines, StandardCharsets.UTF_8);
        System.out.println(String.join(System.lineSeparator(), lines));
        assertThat(failures).as("page defects (see %s)", REPORT.toAbsolutePath()).isEmpty();
    }

    // ---------------------------------------------------------------------------------------- the flows

    /** 1. From the scorecard's button to the case page, with its checklist and draft letter. */
    private void openTheCaseFromTheScorecard(Browser b) {
        b.go("/clients/" + leaving + "/scorecard?lang=en");
        clickAndWaitForTheNextPage(b, By.id("open-offboarding"));
        assertThat(b.driver().getCurrentUrl()).contains("/clients/" + leaving + "/offboarding/new");
        assertThat(b.driver().findElement(By.id("exitDate")).getAttribute("value")).as("exit date proposed").isNotBlank();
        assertThat(b.driver().findElement(By.id("letter")).getAttribute("value")).as("draft letter").isNotBlank();
        clickAndWaitForTheNextPage(b, By.id("open-case"));
        assertThat(b.driver().getCurrentUrl()).as("the case page after opening it").matches(".*/offboarding/\\d+$");
        caseId = Long.parseLong(b.driver().getCurrentUrl().replaceAll(".*/offboarding/(\\d+)$", "$1"));
        assertThat(b.driver().findElements(By.cssSelector("#checklist tbody tr"))).as("checklist items").hasSize(11);
        assertThat(b.driver().findElement(By.id("letter")).getAttribute("value")).as("the draft letter on the case page")
                .contains(jdbc.queryForObject("select name from client where id = ?", String.class, leaving));
        assertThat(b.text(By.id("case-state"))).isEqualToIgnoringCase("open");
        assertThat(jdbc.queryForObject("select status from client where id = ?", String.class, leaving))
                .isEqualTo("OFFBOARDING");
    }

    /** The "Download as PDF" link, fetched with the browser's own session. */
    private void theLetterDownloadsAsPdf(Browser b) throws IOException, InterruptedException {
        String href = b.driver().findElement(By.id("letter-pdf")).getAttribute("href");
        HttpResponse<byte[]> pdf = withSession(b, href);
        assertThat(pdf.statusCode()).as("letter PDF status").isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(new String(pdf.body(), 0, Math.min(5, pdf.body().length), StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
    }

    /** The owner assigns the checklist's "remove the agents" item (a technician's job) to staff. */
    private void assignAnItemToStaff(Browser b) {
        List<WebElement> rows = b.driver().findElements(By.cssSelector("#checklist tbody tr"));
        WebElement row = rows.get(7);
        assignedTitle = row.findElement(By.cssSelector("td")).getText();
        WebElement select = row.findElement(By.cssSelector("select[name=assigneeId]"));
        String selectId = select.getAttribute("id");
        new Select(select).selectByVisibleText(STAFF);
        clickAndWaitForTheNextPage(b, By.cssSelector("#" + selectId + " ~ button[type=submit]"));
        assertThat(new Select(b.driver().findElement(By.id(selectId))).getFirstSelectedOption().getText())
                .as("assignee after saving").isEqualTo(STAFF);
    }

    /** From a RAISE_PRICE scorecard's button to the proposal page. */
    private void openAProposalFromTheScorecard(Browser b) {
        b.go("/clients/" + raising + "/scorecard");
        clickAndWaitForTheNextPage(b, By.id("open-proposal"));
        assertThat(b.driver().getCurrentUrl()).contains("/clients/" + raising + "/price-proposal/new");
        assertThat(b.driver().findElement(By.id("proposedPrice")).getAttribute("value")).as("suggested price").isNotBlank();
        clickAndWaitForTheNextPage(b, By.id("open-proposal"));
        assertThat(b.driver().getCurrentUrl()).as("the proposal page after opening it").matches(".*/proposals/\\d+$");
        proposalId = Long.parseLong(b.driver().getCurrentUrl().replaceAll(".*/proposals/(\\d+)$", "$1"));
        assertThat(b.driver().findElement(By.id("proposed-price")).getText()).isNotBlank();
    }

    /** 4. Staff tick their item on their tasks page; the owner's case page says who and when. */
    private void staffTicksTheItemAndTheOwnerSeesWhoAndWhen() {
        try (Browser staff = signedIn(STAFF)) {
            staff.go("/offboarding/tasks?lang=en");
            List<WebElement> rows = staff.driver().findElements(By.cssSelector("#tasks tbody tr"));
            assertThat(rows).as("the staff member's tasks").hasSize(1);
            assertThat(rows.get(0).getText()).contains(assignedTitle);
            clickAndWaitForTheNextPage(staff, By.cssSelector("#tasks tbody tr button[type=submit]"));
            assertThat(staff.driver().getCurrentUrl()).contains("/offboarding/tasks");
            assertThat(staff.text(By.cssSelector("#tasks tbody tr"))).contains("by " + STAFF);
            visit(staff, "staff", "en", new Step("/offboarding/tasks item done", 200, b -> { }));
            staff.go("/offboarding/tasks?lang=it");
            visit(staff, "staff", "it", new Step("/offboarding/tasks item done", 200, b -> { }));
        }
        try (Browser owner = signedIn(OWNER)) {
            owner.go("/offboarding/" + caseId + "?lang=en");
            WebElement row = owner.driver().findElements(By.cssSelector("#checklist tbody tr")).get(7);
            assertThat(row.getAttribute("class")).contains("table-success");
            String today = LocalDate.now(clock).toString();
            assertThat(row.getText()).contains(assignedTitle).contains("by " + STAFF + ", " + today);
            visit(owner, "owner", "en", new Step("/offboarding/{case} item done", 200, b -> { }));
            owner.go("/offboarding/" + caseId + "?lang=it");
            row = owner.driver().findElements(By.cssSelector("#checklist tbody tr")).get(7);
            assertThat(row.getText()).contains("da " + STAFF + ", " + today);
            visit(owner, "owner", "it", new Step("/offboarding/{case} item done", 200, b -> { }));
        }
    }

    // ---------------------------------------------------------------------------------------- steps

    private List<Step> dataPages() {
        return List.of(
                new Step("/offboarding/{case}", 200, b -> b.go("/offboarding/" + caseId)),
                get("/offboarding", 200),
                get("/offboarding/tasks", 200),
                get("/deadlines", 200),
                new Step("/proposals/{proposal}", 200, b -> b.go("/proposals/" + proposalId)));
    }

    private static Step get(String path, int status) {
        return new Step(path, status, b -> b.go(path));
    }

    private long latestWith(String recommendations) {
        List<Long> found = jdbc.queryForList("""
                select s.client_id from client_score s join scoring_model m on m.version = s.model_version
                where m.status = 'ACTIVE' and s.recommendation in (%s)
                  and s.month = (select max(l.month) from client_score l
                                 where l.model_version = s.model_version and l.client_id = s.client_id)
                order by s.client_id""".formatted(recommendations), Long.class);
        assertThat(found).as("a demo client whose latest recommendation is one of %s", recommendations).isNotEmpty();
        return found.get(0);
    }

    private Browser signedIn(String username) {
        Browser browser = Browser.open(port, WIDTH, HEIGHT);
        browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
        browser.go("/login?lang=en");
        browser.signIn(username, TestUsers.PASSWORD);
        assertThat(browser.driver().getCurrentUrl()).as("signed in as " + username).doesNotContain("/login");
        return browser;
    }

    private HttpResponse<byte[]> withSession(Browser b, String url) throws IOException, InterruptedException {
        String cookies = b.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies)
                .timeout(Duration.ofSeconds(60)).GET().build();
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                .send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * A click on a submit button or link returns before the next page is there; the old document
     * carries a mark that the next one lacks, so the wait ends when the answer has loaded.
     */
    private static void clickAndWaitForTheNextPage(Browser b, By button) {
        js(b, "window.sweepOldPage = true; arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});"
                + " arguments[0].click();", b.driver().findElement(button));
        b.waitUpTo(Duration.ofSeconds(60)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return window.sweepOldPage === undefined && document.readyState === 'complete';")));
    }

    // ---------------------------------------------------------------------------------------- the checks

    private void sweep(String role, String username, List<Step> steps) {
        try (Browser browser = signedIn(username)) {
            for (String language : List.of("en", "it")) {
                browser.go("/?lang=" + language);
                drainConsole(browser.driver());
                for (Step step : steps) {
                    visit(browser, role, language, step);
                }
            }
        }
    }

    private void visit(Browser browser, String role, String language, Step step) {
        visited.add(step.key() + " | " + role + " | " + language);
        try {
            step.action().accept(browser);
        }
        catch (RuntimeException | AssertionError e) {
            fail(step, role, language, "could not be reached or is not as expected: " + firstLine(e));
            drainConsole(browser.driver());
            return;
        }
        checks.check(browser, role + " " + step.key(), language, step.status(),
                problem -> fail(step, role, language, problem));
    }

    private void fail(Step step, String role, String language, String problem) {
        failures.add(step.key() + " | " + role + " | " + language + " | " + problem);
    }
}
