package com.mspscorecard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.mspscorecard.support.Browser;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * What every page must be as a person meets it, checked in the browser after a visit: the expected
 * status, a page and not JSON, no unresolved {@code ??key??}, nothing wider than the window, an Italian
 * title that differs from the English one, no console error, no axe-core WCAG 2.1 A/AA violation.
 * Shared by the page sweep and the browser tests that sweep a feature's pages with data of their own.
 */
final class PageChecks {

    private static final String AXE_RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
                                resultTypes: ['violations'] })
              .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + ', ' + v.nodes.length + '×): '
                  + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' ; '))))
              .catch(e => done(['axe-core could not run: ' + e]));
            """;

    /** What the page is, measured in the browser. */
    private static final String INSPECT = """
            const nav = performance.getEntriesByType('navigation')[0];
            const width = window.innerWidth;
            const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                + (typeof el.className === 'string' && el.className.trim()
                    ? '.' + el.className.trim().split(/\\s+/).slice(0, 3).join('.') : '');
            const scrolls = el => {
              for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
                const overflow = getComputedStyle(p).overflowX;
                if (overflow === 'auto' || overflow === 'scroll' || overflow === 'hidden' || overflow === 'clip') {
                  return true;
                }
              }
              return false;
            };
            const wide = [];
            const reported = new Set();
            for (const el of document.querySelectorAll('body *')) {
              const r = el.getBoundingClientRect();
              if (r.width === 0 || r.height === 0 || (r.right <= width + 1 && r.left >= -1)) { continue; }
              if (scrolls(el)) { continue; }
              let parent = el.parentElement;
              while (parent && !reported.has(parent)) { parent = parent.parentElement; }
              reported.add(el);
              if (!parent) { wide.push(describe(el) + ' ' + Math.round(r.left) + '…' + Math.round(r.right) + ' px'); }
            }
            return {
              status: nav ? nav.responseStatus : -1,
              contentType: document.contentType,
              title: document.title,
              text: document.body ? document.body.innerText : '',
              scrollWidth: document.documentElement.scrollWidth,
              innerWidth: width,
              wide: wide.slice(0, 5),
              url: location.href
            };
            """;

    private final int width;

    private final String axe;

    /** English titles by role and page, to compare the Italian ones with. */
    private final Map<String, String> englishTitles = new HashMap<>();

    PageChecks(int width) throws IOException {
        this.width = width;
        this.axe = axeSource();
    }

    /**
     * Checks the page the browser shows. {@code titleKey} names the page as one role sees it (the
     * same key in English and Italian); each problem found goes to {@code problems}.
     */
    void check(Browser browser, String titleKey, String language, int expectedStatus, Consumer<String> problems) {
        @SuppressWarnings("unchecked")
        Map<String, Object> page = (Map<String, Object>) js(browser, INSPECT);
        int status = ((Number) page.get("status")).intValue();
        String contentType = String.valueOf(page.get("contentType"));
        String title = String.valueOf(page.get("title"));
        String text = String.valueOf(page.get("text"));
        if (status != expectedStatus) {
            problems.accept("status " + status + ", expected " + expectedStatus + " (" + page.get("url") + ")");
        }
        if (contentType.contains("json") || text.stripLeading().startsWith("{")) {
            problems.accept("JSON instead of a page: " + abbreviate(text));
            drainConsole(browser.driver());
            return;
        }
        if (!contentType.equals("text/html")) {
            problems.accept("content type " + contentType + " instead of text/html");
        }
        for (String s : List.of(title, text)) {
            int at = s.indexOf("??");
            if (at >= 0) {
                problems.accept("unresolved message: …" + s.substring(Math.max(0, at - 30),
                        Math.min(s.length(), at + 40)).replace('\n', ' ') + "…");
                break;
            }
        }
        int scrollWidth = ((Number) page.get("scrollWidth")).intValue();
        int innerWidth = ((Number) page.get("innerWidth")).intValue();
        if (innerWidth != width) {
            problems.accept("window is " + innerWidth + " px wide, not " + width);
        }
        if (scrollWidth > innerWidth) {
            problems.accept("scrolls sideways: " + scrollWidth + " px wide at " + innerWidth + " px");
        }
        @SuppressWarnings("unchecked")
        List<String> wide = (List<String>) page.get("wide");
        if (!wide.isEmpty()) {
            problems.accept("wider than the window: " + String.join(", ", wide));
        }
        if (language.equals("en")) {
            englishTitles.put(titleKey, title);
        }
        else if (title.equals(englishTitles.get(titleKey))) {
            problems.accept("title not translated: \"" + title + "\"");
        }
        for (String problem : consoleErrors(browser.driver(), String.valueOf(page.get("url")), status)) {
            problems.accept("console error: " + problem);
        }
        for (String violation : axeViolations(browser)) {
            problems.accept("axe " + violation);
        }
        drainConsole(browser.driver());
    }

    private List<String> axeViolations(Browser browser) {
        js(browser, axe);
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) ((JavascriptExecutor) browser.driver()).executeAsyncScript(AXE_RUN);
        return violations;
    }

    /**
     * SEVERE browser messages, less the one Chromium logs for the page itself when its status is
     * an error: that status is checked on its own.
     */
    private static List<String> consoleErrors(WebDriver driver, String url, int status) {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (!entry.getLevel().equals(java.util.logging.Level.SEVERE)) {
                continue;
            }
            String message = entry.getMessage();
            if (message.startsWith(url + " - Failed to load resource: the server responded with a status of " + status)) {
                continue;
            }
            errors.add(abbreviate(message));
        }
        return errors;
    }

    /** Forgets the console messages so far, so the next page's check sees only its own. */
    static void drainConsole(WebDriver driver) {
        driver.manage().logs().get(LogType.BROWSER);
    }

    static Object js(Browser browser, String script, Object... args) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script, args);
    }

    private static String axeSource() throws IOException {
        org.springframework.core.io.Resource[] found = new org.springframework.core.io.support
                .PathMatchingResourcePatternResolver().getResources("classpath*:META-INF/resources/webjars/axe-core/*/axe.min.js");
        assertThat(found).as("the axe-core WebJar on the test classpath").hasSize(1);
        try (InputStream in = found[0].getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return e.getClass().getSimpleName() + ": " + (newline < 0 ? message : message.substring(0, newline));
    }

    static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 160 ? one.substring(0, 160) + "…" : one;
    }
}
