package com.mspscorecard.importing;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import com.mspscorecard.importing.csv.CsvExport;
import com.mspscorecard.metrics.Metric;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
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

    private final JdbcTemplate jdbc;

    SnapshotExportController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
        StringBuilder sql = new StringBuilder("select c.name, s.month");
        for (Metric metric : Metric.values()) {
            sql.append(", s.").append(metric.fieldName());
        }
        sql.append(" from monthly_snapshot s join client c on c.id = s.client_id where true");
        List<Object> args = new ArrayList<>();
        if (clientId != null) {
            sql.append(" and s.client_id = ?");
            args.add(clientId);
        }
        if (from != null) {
            sql.append(" and s.month >= ?");
            args.add(Date.valueOf(from.atDay(1)));
        }
        if (to != null) {
            sql.append(" and s.month <= ?");
            args.add(Date.valueOf(to.atDay(1)));
        }
        sql.append(" order by lower(c.name), s.month");
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        try (CsvExport export = new CsvExport(writer)) {
            jdbc.query(sql.toString(), rs -> {
                Map<Metric, BigDecimal> values = new EnumMap<>(Metric.class);
                for (Metric metric : Metric.values()) {
                    BigDecimal value = rs.getBigDecimal(metric.fieldName());
                    if (value != null) {
                        values.put(metric, value);
                    }
                }
                try {
                    export.row(rs.getString(1), YearMonth.from(rs.getDate(2).toLocalDate()), values);
                }
                catch (IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                }
            }, args.toArray());
        }
    }
}
