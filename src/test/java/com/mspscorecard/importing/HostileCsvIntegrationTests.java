package com.mspscorecard.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mspscorecard.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A hostile-CSV corpus (csv-spectrum's files plus files generated here: all-invalid, oversized
 * cells, NUL bytes, huge numbers, markup and formulas) sent through the API and through the page.
 * Every file ends with a bad row, so each must be refused whole. Counted, and written to
 * {@code target/hostile-csv-report.txt}: server errors, partial writes and unescaped payloads, all
 * of which must be zero.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HostileCsvIntegrationTests {

    static final String MANAGER = "imp-hostile-am";

    /** Markup that must never reach a page unescaped. */
    static final List<String> PAYLOADS = List.of("<script>alert(\"csv\")</script>", "\"><img src=x onerror=alert(1)>",
            "<svg/onload=alert(2)>", "javascript:alert(3)//<a href=x>");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ImportJobs jobs;

    final String prefix = "imp-hostile-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    int serverErrors;
    int partialWrites;
    int unescaped;
    final List<String> findings = new ArrayList<>();

    @Test
    void noHostileFileCausesAServerErrorAPartialWriteOrAnUnescapedPayload() throws Exception {
        TestUsers.ensure(MANAGER, "ACCOUNT_MANAGER");
        Map<String, byte[]> corpus = corpus();
        for (Map.Entry<String, byte[]> file : corpus.entrySet()) {
            throughTheApi(file.getKey(), file.getValue());
            throughThePage(file.getKey(), file.getValue());
        }

        String report = "Hostile CSV corpus: %d files, each through POST /api/v1/imports and /imports%n"
                .formatted(corpus.size())
                + "%d x 500, %d partial writes, %d unescaped payloads%n".formatted(serverErrors, partialWrites, unescaped)
                + String.join(System.lineSeparator(), findings) + System.lineSeparator();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "hostile-csv-report.txt"), report);
        System.out.print(report);
        assertThat(findings).as(report).isEmpty();
        assertThat(serverErrors + partialWrites + unescaped).isZero();
    }

    private void throughTheApi(String name, byte[] content) throws Exception {
        long before = written();
        MockHttpServletResponse response = mvc.perform(post("/api/v1/imports").param("dry_run", "false")
                .param("create_missing_clients", "true").contentType("text/csv").content(content)
                .with(manager())).andReturn().getResponse();
        if (response.getStatus() >= 500) {
            serverErrors++;
            findings.add("API " + name + ": HTTP " + response.getStatus());
        }
        else if (response.getStatus() != 422) {
            findings.add("API " + name + ": HTTP " + response.getStatus() + " instead of 422");
        }
        if (response.getContentType() == null || !response.getContentType().contains("json")) {
            unescaped++;
            findings.add("API " + name + ": answered " + response.getContentType());
        }
        if (response.getContentAsByteArray().length > 1_000_000) {
            findings.add("API " + name + ": an answer of " + response.getContentAsByteArray().length + " bytes");
        }
        if (written() != before) {
            partialWrites++;
            findings.add("API " + name + ": wrote " + (written() - before) + " rows or clients");
        }
    }

    private void throughThePage(String name, byte[] content) throws Exception {
        long before = written();
        MockHttpServletResponse upload = mvc.perform(multipart("/imports")
                .file(new MockMultipartFile("file", name, "text/csv", content)).param("createMissingClients", "true")
                .with(manager()).with(csrf())).andReturn().getResponse();
        if (upload.getStatus() >= 500 || upload.getRedirectedUrl() == null
                || !upload.getRedirectedUrl().startsWith("/imports/")) {
            serverErrors += upload.getStatus() >= 500 ? 1 : 0;
            findings.add("page " + name + ": upload answered " + upload.getStatus() + " " + upload.getRedirectedUrl());
            return;
        }
        String preview = upload.getRedirectedUrl();
        String token = preview.substring("/imports/".length());
        awaitDone(token);
        ImportJobs.Job job = jobs.find(token, MANAGER).orElseThrow();
        if (job.failed) {
            serverErrors++;
            findings.add("page " + name + ": the preview failed");
        }
        for (String kind : new String[] { "", "ERROR", "NEW" }) {
            MockHttpServletResponse page = mvc.perform(get(preview).param("kind", kind).with(manager()))
                    .andReturn().getResponse();
            if (page.getStatus() != 200) {
                serverErrors += page.getStatus() >= 500 ? 1 : 0;
                findings.add("page " + name + " " + kind + ": HTTP " + page.getStatus());
                continue;
            }
            String html = page.getContentAsString(StandardCharsets.UTF_8);
            for (String payload : PAYLOADS) {
                if (html.contains(payload)) {
                    unescaped++;
                    findings.add("page " + name + ": unescaped " + payload);
                }
            }
            if (html.length() > 2_000_000) {
                findings.add("page " + name + ": a page of " + html.length() + " characters");
            }
        }
        // Confirming what the page refused must not write either, whatever fingerprint is sent.
        ImportOutcome outcome = job.outcome;
        String fingerprint = outcome != null && outcome.preview() != null ? outcome.preview().fingerprint : "x";
        MockHttpServletResponse commit = mvc.perform(post(preview + "/commit").param("fingerprint", fingerprint)
                .with(manager()).with(csrf())).andReturn().getResponse();
        if (commit.getStatus() >= 500) {
            serverErrors++;
            findings.add("page " + name + ": commit answered " + commit.getStatus());
        }
        awaitDone(token);
        if (written() != before) {
            partialWrites++;
            findings.add("page " + name + ": wrote " + (written() - before) + " rows or clients");
        }
    }

    /** Clients of this test's prefix and their snapshots: what a partial write would leave. */
    private long written() {
        return jdbc.queryForObject("select count(*) from client where name like ?", Long.class, prefix + "%")
                + jdbc.queryForObject("select count(*) from monthly_snapshot s join client c on c.id = s.client_id "
                        + "where c.name like ?", Long.class, prefix + "%");
    }

    private void awaitDone(String token) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (jobs.find(token, MANAGER).map(ImportJobs.Job::running).orElse(false)) {
            assertThat(System.nanoTime()).as("the job finishes").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private Map<String, byte[]> corpus() throws IOException {
        Map<String, byte[]> corpus = new LinkedHashMap<>();
        for (Resource resource : new PathMatchingResourcePatternResolver()
                .getResources("classpath:hostile-csv/csv-spectrum/*.csv")) {
            try (InputStream in = resource.getInputStream()) {
                byte[] content = in.readAllBytes();
                corpus.put("csv-spectrum/" + resource.getFilename(), content);
                // The same quoting, as the values of an import file whose last row is bad.
                corpus.put("csv-spectrum-as-values/" + resource.getFilename(), asImport(content));
            }
        }
        String header = "client,month,new_tickets,revenue\n";
        String good = prefix + "good,2025-01,3,100.50\n";
        String bad = prefix + "bad,2025-13,3,1\n";

        StringBuilder allInvalid = new StringBuilder("client,month," + String.join(",",
                com.mspscorecard.importing.csv.CsvExport.header().subList(2, 18)) + "\n");
        for (int i = 0; i < 2000; i++) {
            allInvalid.append(prefix).append(i).append(",13/2025").append(",-x".repeat(16)).append('\n');
        }
        corpus.put("generated/all-invalid.csv", utf8(allInvalid.toString()));

        String huge = "9".repeat(15 * 1024 * 1024);
        corpus.put("generated/oversized-value.csv", utf8(header + good + prefix + "x,2025-02," + huge + ",1\n" + bad));
        corpus.put("generated/oversized-client.csv", utf8(header + good + prefix + "A".repeat(15 * 1024 * 1024)
                + PAYLOADS.get(0) + ",2025-02,1,1\n" + bad));
        corpus.put("generated/oversized-header.csv", utf8("client,month,new_tickets," + "h".repeat(5 * 1024 * 1024)
                + PAYLOADS.get(1) + "\n" + good + bad));

        corpus.put("generated/nul-at-start.csv", utf8("\u0000" + header + good + bad));
        corpus.put("generated/nul-in-a-name.csv", utf8(header + good.repeat(1).replace("good", "g0")
                + (prefix + "pad,2025-01,1,1\n").repeat(40) + prefix + "nul\u0000name,2025-03,1,1\n" + bad));
        corpus.put("generated/nul-in-a-value.csv", utf8(header + good + prefix + "n,2025-03,1\u00002,1\n" + bad));

        StringBuilder numbers = new StringBuilder(header);
        String[] hugeNumbers = { "2147483648", "9223372036854775808", "99999999999999999999999999999", "1e400",
                "1E+3", "Infinity", "NaN", "0x10", "1_000", "１２", "١٢", "-0", "999999999999.995", "1000000000000",
                "00000000000000000000001", ".", ",", "1.2.3", "9".repeat(400) };
        for (int i = 0; i < hugeNumbers.length; i++) {
            numbers.append(prefix).append("n").append(i).append(",2025-01,").append(hugeNumbers[i]).append(",\"")
                    .append(hugeNumbers[i]).append("\"\n");
        }
        corpus.put("generated/huge-numbers.csv", utf8(numbers + bad));

        StringBuilder markup = new StringBuilder("client,month,new_tickets," + PAYLOADS.get(2) + "\n");
        for (String payload : PAYLOADS) {
            markup.append('"').append((prefix + payload).replace("\"", "\"\"")).append("\",2025-01,1,x\n");
            markup.append(prefix).append("m,\"").append(payload.replace("\"", "\"\"")).append("\",1,x\n");
            markup.append(prefix).append("v,2025-02,\"").append(payload.replace("\"", "\"\"")).append("\",x\n");
        }
        corpus.put("generated/markup.csv", utf8(markup + bad));
        corpus.put("generated/formulas.csv", utf8(header + "\"" + prefix + "=cmd|' /C calc'!A0\",2025-01,1,1\n"
                + "\"＝HYPERLINK(\"\"http://x\"\")" + prefix + "\",2025-01,1,1\n" + "@SUM(1+1)*cmd|' /C calc'!A0,2025-01,1,1\n"
                + bad));
        corpus.put("generated/unicode-tricks.csv", utf8(header + prefix + "\u202Egnp.exe,2025-01,1,1\n" + prefix
                + "zero\u200Bwidth,2025-01,1,1\n" + prefix + "\uD83D\uDE00,2025-01,1,1\n" + prefix
                + "\uD800lone,2025-01,1,1\n" + bad));
        corpus.put("generated/unclosed-quote.csv", utf8(header + good + "\"" + prefix + "open,2025-01,1,1\n" + good));
        corpus.put("generated/many-columns.csv", utf8("client,month," + "c,".repeat(20_000) + "new_tickets\n" + good
                + bad));
        corpus.put("generated/windows-1252.csv", concat(utf8(header + good), new byte[] { (byte) 0x80, (byte) 0x9F,
                (byte) 0xFF, ',', '2', '0', '2', '5', '-', '0', '1', ',', '1', ',', '1', '\n' }, utf8(bad)));
        corpus.put("generated/utf16.csv", concat(new byte[] { (byte) 0xFF, (byte) 0xFE },
                (header + good).getBytes(StandardCharsets.UTF_16LE)));
        corpus.put("generated/only-delimiters.csv", utf8(header + ",,,\n;;;;\n\t\t\t\n" + bad));
        return corpus;
    }

    /** A csv-spectrum file under an import header: its quoted cells become client names and values. */
    private byte[] asImport(byte[] spectrum) {
        String text = new String(spectrum, StandardCharsets.UTF_8);
        StringBuilder csv = new StringBuilder("client,month,new_tickets,notes\n");
        csv.append('"').append(prefix).append("spectrum\",2025-01,1,\"").append(text.replace("\"", "\"\"")).append("\"\n");
        csv.append('"').append(prefix).append(text.replace("\"", "\"\"")).append("\",2025-02,1,\n");
        csv.append(prefix).append("bad,2025-13,1,\n");
        return utf8(csv.toString());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static RequestPostProcessor manager() {
        return user(MANAGER).roles("ACCOUNT_MANAGER");
    }
}
