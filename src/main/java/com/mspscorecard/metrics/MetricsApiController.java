package com.mspscorecard.metrics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mspscorecard.clients.ClientNotFound;
import com.mspscorecard.clients.ClientQueries;
import com.mspscorecard.clients.FieldProblem;
import com.mspscorecard.clients.InvalidInput;
import com.mspscorecard.numbers.NumberStyle;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/clients/{id}/months}: read all snapshots of a client, create or replace one
 * month. Field names are the snapshot fields of PRODUCT §2; a field left out or null has no data.
 */
@RestController
@RequestMapping("/api/v1/clients/{id}/months")
@PreAuthorize("hasAnyRole('OWNER','ACCOUNT_MANAGER')")
class MetricsApiController {

    private final ClientQueries clients;

    private final SnapshotQueries snapshots;

    private final SnapshotWriter writer;

    private final Clock clock;

    MetricsApiController(ClientQueries clients, SnapshotQueries snapshots, SnapshotWriter writer, Clock clock) {
        this.clients = clients;
        this.snapshots = snapshots;
        this.writer = writer;
        this.clock = clock;
    }

    @GetMapping
    List<Map<String, Object>> months(@PathVariable long id) {
        clients.byId(id).orElseThrow(() -> new ClientNotFound(id));
        return snapshots.ofClient(id).stream().map(MetricsApiController::json).toList();
    }

    @PutMapping("/{month}")
    Map<String, Object> replace(@PathVariable long id, @PathVariable String month,
            @RequestBody Map<String, Object> body) {
        clients.byId(id).orElseThrow(() -> new ClientNotFound(id));
        List<FieldProblem> problems = new ArrayList<>();
        YearMonth parsed = MetricsController.parseMonth(month, null);
        if (parsed == null) {
            problems.add(FieldProblem.of(SnapshotRules.MONTH, "snapshot.month.invalid"));
        }
        Map<Metric, Object> raw = new EnumMap<>(Metric.class);
        body.forEach((field, value) -> {
            if (field.equals(SnapshotRules.MONTH)) {
                if (value != null && !value.toString().equals(month)) {
                    problems.add(FieldProblem.of(SnapshotRules.MONTH, "snapshot.month.mismatch", month));
                }
                return;
            }
            Metric.byFieldName(field).ifPresentOrElse(m -> raw.put(m, value),
                    () -> problems.add(FieldProblem.of(field, "snapshot.field.unknown")));
        });
        SnapshotRules.Result result = SnapshotRules.check(parsed, raw, NumberStyle.ENGLISH, clock);
        result.problems().stream()
                .filter(p -> parsed != null || !p.field().equals(SnapshotRules.MONTH))
                .forEach(p -> problems.add(new FieldProblem(p.field(), p.code(), p.args())));
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        writer.write(List.of(new SnapshotFigures(id, parsed, result.values())), EnumSet.allOf(Metric.class));
        return json(snapshots.of(id, parsed).orElse(new SnapshotFigures(id, parsed, Map.of())));
    }

    static Map<String, Object> json(SnapshotFigures figures) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("month", figures.month().toString());
        for (Metric metric : Metric.values()) {
            BigDecimal value = figures.values().get(metric);
            json.put(metric.fieldName(), value == null ? null
                    : metric.kind() == Metric.Kind.COUNT ? (Object) value.longValueExact() : value);
        }
        return json;
    }
}
