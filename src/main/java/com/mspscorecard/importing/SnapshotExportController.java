package com.mspscorecard.importing;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import com.mspscorecard.importing.csv.CsvExport;
import com.mspscorecard.metrics.Metric;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import com.mspscorecard.clients.ClientFacts;
import com.mspscorecard.clients.ClientQueries;
import com.mspscorecard.metrics.SnapshotQueries;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Snapshots as CSV in the import's own format, so that a file exported and imported again changes
 * nothing; optionally one client and a month range. Text that a spreadsheet would run as a formula
 * is neutralised by {@link CsvExport}.
 */
@Controller
@PreAuthorize("hasAnyRole('OWNER','ACCOUNT_MANAGER')")
class SnapshotExportController {

    private final ClientQueries clients;
    private final SnapshotQueries snapshots;

    SnapshotExportController(ClientQueries clients, SnapshotQueries snapshots) {
        this.clients = clients;
        this.snapshots = snapshots;
    }

    @GetMapping({ "/imports/export", "/api/v1/exports/snapshots.csv" })
    @Transactional(readOnly = true)
    public void export(@RequestParam(name = "client", required = false) Long clientId,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth to,
            HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("snapshots.csv").build().toString());
        Map<Long, String> names = new HashMap<>();
        List<Long> order = new ArrayList<>();
        for (ClientFacts client : clients.all()) {
            if (clientId == null || clientId == client.id()) {
                names.put(client.id(), client.name());
                order.add(client.id());
            }
        }
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        try (CsvExport export = new CsvExport(writer)) {
            snapshots.forEachInClientOrder(order, from, to, figures -> {
                try {
                    export.row(names.get(figures.clientId()), figures.month(), figures.values());
                }
                catch (IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                }
            });
        }
    }
}
