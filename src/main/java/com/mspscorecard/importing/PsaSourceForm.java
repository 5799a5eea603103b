package com.mspscorecard.importing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.mspscorecard.importing.raw.SourceSettings;
import com.mspscorecard.numbers.NumberReader;
import com.mspscorecard.numbers.NumberReading;
import com.mspscorecard.numbers.NumberStyle;

/**
 * The source settings form, as typed: text until checked. Numbers are read by the one number
 * reader in the page's language. Settings that change money figures (hourly costs, tool cost,
 * the invoice types left out of revenue) are the owner's: for anyone else the stored ones stay.
 */
record PsaSourceForm(String name, int version, List<Category> categories, String disputed, String excluded,
        String hourlyCost, String roleCosts, String toolCost, String historyMonths) {

    /** One categorised value: {@code board:Security} → {@code SECURITY_INCIDENT} (empty: none). */
    record Category(String key, String category) {
    }

    /** A field the user must correct, with a message code and its arguments. */
    record Problem(String field, String code, List<Object> args) {
    }

    record Checked(SourceSettings settings, String name, List<Problem> problems) {
    }

    static final int MAX_HISTORY_MONTHS = 24;

    static PsaSourceForm of(PsaSources.Source source, NumberStyle style) {
        SourceSettings s = source.settings();
        List<Category> categories = new ArrayList<>();
        new TreeMap<>(s.ticketCategories()).forEach((key, category) -> categories.add(new Category(key, category.name())));
        StringBuilder roles = new StringBuilder();
        new TreeMap<>(s.hourlyCostByRole()).forEach((role, cost) -> roles.append(role).append(" = ")
                .append(style.plainOrEmpty(cost)).append('\n'));
        return new PsaSourceForm(source.name(), source.version(), categories, lines(s.disputedStatuses()),
                lines(s.excludedInvoiceTypes()), style.plainOrEmpty(s.hourlyCost()), roles.toString().strip(),
                style.plainOrEmpty(s.monthlyToolCostPerEndpoint()), String.valueOf(s.invoiceHistoryMonths()));
    }

    /** The categories offered: those set, then every value seen that a category may apply to. */
    List<Category> withSeen(Map<String, Long> seen) {
        Map<String, String> all = new LinkedHashMap<>();
        // A blank row (the form's "new value" left empty) is offered again as the one blank row at the end.
        categories.stream().filter(c -> c.key() != null && !c.key().isBlank())
                .forEach(c -> all.put(c.key().strip(), c.category() == null ? "" : c.category()));
        for (String key : seen.keySet()) {
            String prefix = key.contains(":") ? key.substring(0, key.indexOf(':')) : "";
            if (List.of("board", "type", "priority", "source", "status").contains(prefix)) {
                all.putIfAbsent(key, "");
            }
        }
        List<Category> offered = new ArrayList<>();
        all.forEach((key, category) -> offered.add(new Category(key, category)));
        return offered;
    }

    Checked check(NumberStyle style, boolean owner, SourceSettings stored) {
        List<Problem> problems = new ArrayList<>();
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty()) {
            problems.add(new Problem("name", "psa.sources.name.required", List.of()));
        }
        else if (cleanName.length() > PsaSources.NAME_MAX) {
            problems.add(new Problem("name", "psa.sources.name.too_long", List.of(PsaSources.NAME_MAX)));
        }
        Map<String, SourceSettings.Category> categorised = new LinkedHashMap<>();
        for (Category c : categories) {
            if (c.key() == null || c.key().isBlank() || c.category() == null || c.category().isBlank()) {
                continue;
            }
            try {
                categorised.put(c.key().strip(), SourceSettings.Category.valueOf(c.category()));
            }
            catch (IllegalArgumentException ex) {
                problems.add(new Problem("categories", "psa.sources.category.unknown", List.of(c.category())));
            }
        }
        int months = stored.invoiceHistoryMonths();
        try {
            months = Integer.parseInt(historyMonths == null ? "" : historyMonths.strip());
            if (months < 1 || months > MAX_HISTORY_MONTHS) {
                problems.add(new Problem("historyMonths", "psa.sources.history.range", List.of(MAX_HISTORY_MONTHS)));
                months = stored.invoiceHistoryMonths();
            }
        }
        catch (NumberFormatException ex) {
            problems.add(new Problem("historyMonths", "psa.sources.history.range", List.of(MAX_HISTORY_MONTHS)));
        }
        Set<String> excludedTypes = stored.excludedInvoiceTypes();
        BigDecimal hourly = stored.hourlyCost();
        BigDecimal tool = stored.monthlyToolCostPerEndpoint();
        Map<String, BigDecimal> byRole = stored.hourlyCostByRole();
        if (owner) {
            excludedTypes = parseLines(excluded);
            hourly = money("hourlyCost", hourlyCost, style, problems);
            tool = money("toolCost", toolCost, style, problems);
            byRole = new LinkedHashMap<>();
            for (String line : parseLines(roleCosts)) {
                int eq = line.lastIndexOf('=');
                if (eq <= 0) {
                    problems.add(new Problem("roleCosts", "psa.sources.role.format", List.of(line)));
                    continue;
                }
                BigDecimal cost = money("roleCosts", line.substring(eq + 1), style, problems);
                if (cost != null) {
                    byRole.put(line.substring(0, eq).strip(), cost);
                }
            }
        }
        SourceSettings settings = problems.isEmpty() ? new SourceSettings(categorised, parseLines(disputed), excludedTypes,
                hourly, byRole, tool, months) : null;
        return new Checked(settings, cleanName, problems);
    }

    private static BigDecimal money(String field, String text, NumberStyle style, List<Problem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        NumberReading reading = NumberReader.read(text.strip(), style, 2);
        if (!reading.ok()) {
            problems.add(new Problem(field, reading.problem(), reading.args()));
            return null;
        }
        if (reading.value().signum() < 0) {
            problems.add(new Problem(field, "psa.sources.cost.negative", List.of()));
            return null;
        }
        return reading.value();
    }

    private static Set<String> parseLines(String text) {
        Set<String> values = new LinkedHashSet<>();
        if (text != null) {
            for (String line : text.split("\\R")) {
                if (!line.isBlank() && line.strip().length() <= 200) {
                    values.add(line.strip());
                }
            }
        }
        return values;
    }

    private static String lines(Set<String> values) {
        return String.join("\n", values.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList());
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
