package com.mspscorecard.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mspscorecard.clients.ClientFacts;
import com.mspscorecard.importing.raw.ClientKey;
import com.mspscorecard.importing.raw.SourceSettings;
import com.mspscorecard.numbers.NumberStyle;
import org.junit.jupiter.api.Test;

/** The source settings form and the order names are matched in: plain values, no Spring. */
class PsaSourceFormTests {

    private static final SourceSettings STORED = new SourceSettings(Map.of(), java.util.Set.of("Disputed"),
            java.util.Set.of("Hardware"), new BigDecimal("40.00"), Map.of(), null, 3);

    @Test
    void theOwnerSetsCostsReadInThePagesLanguage() {
        PsaSourceForm form = new PsaSourceForm("Our PSA", 0,
                List.of(new PsaSourceForm.Category("board:Security", "SECURITY_INCIDENT"),
                        new PsaSourceForm.Category("type:Admin", "")),
                "Disputed\nOn hold", "Hardware\nLicences", "1.234,50", "Engineer = 55,00\nL1 = 32", "2,5", "4");
        PsaSourceForm.Checked checked = form.check(NumberStyle.ITALIAN, true, STORED);
        assertThat(checked.problems()).isEmpty();
        assertThat(checked.settings().hourlyCost()).isEqualByComparingTo("1234.50");
        assertThat(checked.settings().hourlyCostByRole()).containsOnlyKeys("Engineer", "L1");
        assertThat(checked.settings().hourlyCostByRole().get("Engineer")).isEqualByComparingTo("55.00");
        assertThat(checked.settings().monthlyToolCostPerEndpoint()).isEqualByComparingTo("2.5");
        assertThat(checked.settings().ticketCategories()).containsOnlyKeys("board:Security");
        assertThat(checked.settings().disputedStatuses()).containsExactlyInAnyOrder("Disputed", "On hold");
        assertThat(checked.settings().excludedInvoiceTypes()).containsExactlyInAnyOrder("Hardware", "Licences");
        assertThat(checked.settings().invoiceHistoryMonths()).isEqualTo(4);
    }

    @Test
    void anAccountManagerCannotChangeMoneyFigures() {
        PsaSourceForm form = new PsaSourceForm("Our PSA", 0, List.of(), "Disputed", "", "1", "", "9", "3");
        PsaSourceForm.Checked checked = form.check(NumberStyle.ENGLISH, false, STORED);
        assertThat(checked.problems()).isEmpty();
        assertThat(checked.settings().hourlyCost()).isEqualByComparingTo("40.00");
        assertThat(checked.settings().monthlyToolCostPerEndpoint()).isNull();
        assertThat(checked.settings().excludedInvoiceTypes()).containsExactly("Hardware");
    }

    @Test
    void badValuesAreNamed() {
        PsaSourceForm form = new PsaSourceForm(" ", 0, List.of(), "", "", "-5", "Engineer 55", "ten", "0");
        List<String> codes = form.check(NumberStyle.ENGLISH, true, STORED).problems().stream()
                .map(PsaSourceForm.Problem::code).toList();
        assertThat(codes).contains("psa.sources.name.required", "psa.sources.history.range", "psa.sources.role.format",
                "psa.sources.cost.negative");
        assertThat(codes).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void namesMatchByCompanyIdThenNameThenWhatWasLearned() {
        ClientFacts acme = new ClientFacts(1, "Acme", "CW-1", null, null, null, null, null);
        ClientFacts beta = new ClientFacts(2, "Beta Srl", null, null, null, null, null, null);
        Map<String, ClientFacts> byRef = Map.of("CW-1", acme);
        Map<String, ClientFacts> byName = Map.of("acme", acme, "beta srl", beta);
        Map<String, PsaClientNames.Alias> aliases = Map.of(
                "name:beta s.r.l.", new PsaClientNames.Alias("name:beta s.r.l.", "Beta S.r.l.", Optional.of(2L)),
                "ref:77", new PsaClientNames.Alias("ref:77", "Gamma", Optional.empty()));
        assertThat(PsaAnalysis.match(new ClientKey("Someone else", "CW-1"), byRef, byName, aliases)).contains(1L);
        assertThat(PsaAnalysis.match(new ClientKey("  BETA SRL ", null), byRef, byName, aliases)).contains(2L);
        assertThat(PsaAnalysis.match(new ClientKey("Beta S.r.l.", null), byRef, byName, aliases)).contains(2L);
        assertThat(PsaAnalysis.match(new ClientKey(null, "77"), byRef, byName, aliases)).isEmpty();
        assertThat(PsaAnalysis.match(new ClientKey("Nobody", null), byRef, byName, aliases)).isNull();
    }
}
