package com.mspscorecard.importing;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.mspscorecard.importing.csv.CellError;
import com.mspscorecard.importing.raw.AggregationRules;
import com.mspscorecard.importing.raw.DateOrder;
import com.mspscorecard.importing.raw.RawField;
import com.mspscorecard.importing.raw.RawKind;
import com.mspscorecard.metrics.Metric;

/** What the PSA preview page shows, from a preview and its {@link PsaFacts}. */
final class PsaPage {

    private PsaPage() {
    }

    /** The counts and what the commit needs; the CSV preview's {@link PreviewPage.Summary} without the dialect. */
    record Summary(long rows, long newRows, long changed, long unchanged, long errorRows, long errorCount,
            long unlistedErrors, List<String> clientsToCreate, String fingerprint, boolean valid,
            Instant alreadyImportedOn, List<String> othersClients, long othersCount) {

        static Summary of(ImportPreview p, Long importer, Map<Long, String> managerNames) {
            List<String> others = new ArrayList<>();
            long othersCount = 0;
            for (Map.Entry<String, Long> e : p.changedClientsManagers.entrySet()) {
                if (e.getValue() != null && !e.getValue().equals(importer)) {
                    if (othersCount++ < PreviewPage.Summary.OTHERS_SHOWN) {
                        others.add(e.getKey() + " (" + managerNames.getOrDefault(e.getValue(), "#" + e.getValue()) + ")");
                    }
                }
            }
            return new Summary(p.total(), p.newRows, p.changedRows, p.unchangedRows, p.errorRows, p.errorCount,
                    p.unlistedErrors(), p.clientsToCreate, p.fingerprint, p.valid(), p.alreadyImportedOn,
                    List.copyOf(others), othersCount);
        }
    }

    record Column(int index, String header) {
    }

    /** One field of the export and the column it is read from ({@code -1}: not read). */
    record FieldChoice(String field, int column, boolean required) {
    }

    record MonthChoice(String month, boolean cutShort, boolean included, boolean incompletePayments) {
    }

    /** How the file is read, as the page's form offers to change it. */
    record Reading(String kind, List<String> kinds, List<Column> columns, List<FieldChoice> fields,
            List<String> dateOrders, String dateOrder, List<MonthChoice> months) {
    }

    /** How each field the file writes is computed: a message code per field. */
    record Rule(String field, String code) {
    }

    static Reading reading(PsaFacts facts, Locale locale) {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < facts.headers().size(); i++) {
            columns.add(new Column(i, CellError.echo(facts.headers().get(i))));
        }
        String missing = String.join(" ", facts.missingRequired());
        List<FieldChoice> fields = new ArrayList<>();
        for (RawField field : RawField.of(facts.kind())) {
            fields.add(new FieldChoice(field.name(), facts.mapping().column(field).orElse(-1),
                    missing.contains(field.name())));
        }
        List<MonthChoice> months = new ArrayList<>();
        for (YearMonth month : facts.months()) {
            months.add(new MonthChoice(month.toString(), facts.cutShortMonths().contains(month),
                    facts.includedCutShort().contains(month), facts.incompletePaymentMonths().contains(month)));
        }
        return new Reading(facts.kind().name(), java.util.Arrays.stream(RawKind.values()).map(Enum::name).toList(),
                columns, fields, java.util.Arrays.stream(DateOrder.values()).map(Enum::name).toList(),
                facts.dateOrder() == null ? "" : facts.dateOrder().name(), months);
    }

    static List<Rule> rules(PsaFacts facts) {
        List<Rule> rules = new ArrayList<>();
        for (Metric metric : facts.produced()) {
            rules.add(new Rule(metric.fieldName(), AggregationRules.ruleCode(metric.fieldName())));
        }
        return rules;
    }
}
