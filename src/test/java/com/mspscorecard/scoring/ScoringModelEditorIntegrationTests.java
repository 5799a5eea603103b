package com.mspscorecard.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.math.BigDecimal;
import java.util.function.Consumer;

import com.mspscorecard.scoring.engine.ScoringModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The owner's model editor end to end, on a database of its own (activation rescores every client).
 * Extends {@link ScoringDemoAndVersionsIntegrationTests}, which covers the service, with what the
 * pages do: the form, its errors, the preview table, the roles.
 */
@SpringBootTest(properties = "scorecard.test.fresh-database=true")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScoringModelEditorIntegrationTests {

    private static final RequestPostProcessor OWNER = user(EditorPortfolio.OWNER).roles("OWNER");
    private static final RequestPostProcessor MANAGER = user(EditorPortfolio.MANAGER).roles("ACCOUNT_MANAGER");
    private static final RequestPostProcessor STAFF = user(EditorPortfolio.STAFF).roles("STAFF");

    @Autowired
    MockMvc mvc;

    @Autowired
    ScoringModels models;

    @Autowired
    ScorecardQueries scorecards;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ScoringService scoring;

    int activeBefore;

    int draft;

    @BeforeAll
    void portfolio() {
        EditorPortfolio.load(jdbc, scoring);
        activeBefore = models.active().version();
    }

    @Test
    @Order(1)
    void theOwnerCreatesADraftAndSeesEverySettingWithSharesAsPercentages() throws Exception {
        String page = mvc.perform(get("/scoring/model").with(OWNER)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"create-draft\"");

        var created = mvc.perform(post("/scoring/model/drafts").with(OWNER).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        draft = models.draft().orElseThrow().version();
        assertThat(draft).isEqualTo(activeBefore + 1);
        assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/scoring/model/" + draft + "/edit");

        String form = mvc.perform(get("/scoring/model/" + draft + "/edit").with(OWNER))
                .andExpect(status().isOk()).andExpect(view().name(ScoringModelEditorController.EDIT_VIEW))
                .andReturn().getResponse().getContentAsString();
        // Disputed invoices' bad is 0.20 in the engine, 20 (%) in the form; the target margin 0.50 is 50.
        assertThat(form).contains("name=\"rules[2].bad\"", "value=\"20\"", "name=\"targetMargin\"", "value=\"50\"",
                "Fields marked % are percentages");
        assertThat(mvc.perform(get("/scoring/model").with(OWNER)).andReturn().getResponse().getContentAsString())
                .contains("id=\"edit-draft\"").doesNotContain("id=\"create-draft\"");
    }

    @Test
    @Order(2)
    void savingAHeavierLatePaymentsWeightPreviewsEdgeFlipperFromAToB() throws Exception {
        mvc.perform(save(form -> {
                    latePayments(form).setWeight(60);
                    form.setGradeA(new BigDecimal("86"));
                }).param("then", "preview"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/scoring/model/" + draft + "/preview"));
        ScoringModel saved = models.model(draft).orElseThrow();
        assertThat(saved.rule("late_payments").orElseThrow().weight()).isEqualTo(60);
        assertThat(saved.rule("disputed_invoices").orElseThrow().bad()).isEqualByComparingTo("0.20");
        assertThat(saved.targetMargin()).isEqualByComparingTo("0.50");

        String preview = mvc.perform(get("/scoring/model/" + draft + "/preview").with(OWNER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(preview).contains("1 client changes grade");
        assertThat(row(preview, "edit-Flipper")).contains("table-warning", "A → B", "90.5 → 73.3", "Keep → Watch");
        assertThat(row(preview, "edit-Steady")).doesNotContain("table-warning").contains("A → A", "100.0 → 100.0");
        // Nothing is scored under the draft yet.
        assertThat(grade("edit-Flipper", null)).isEqualTo("A");
    }

    @Test
    @Order(3)
    void impossibleSettingsShowAnErrorBesideTheFieldAndSaveNothing() throws Exception {
        mvc.perform(save(form -> latePayments(form).setWeight(-5)))
                .andExpect(status().isOk()).andExpect(view().name(ScoringModelEditorController.EDIT_VIEW))
                .andExpect(model().attributeHasFieldErrorCode("form", "rules[0].weight", "scoring.edit.error.weight"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("A weight cannot be negative.")));
        // Late payments: fewer is better, so bad (0) below good (3) is refused.
        mvc.perform(save(form -> {
                    latePayments(form).setGood(new BigDecimal("3"));
                    latePayments(form).setBad(BigDecimal.ZERO);
                }))
                .andExpect(model().attributeHasFieldErrorCode("form", "rules[0].bad", "scoring.edit.error.lower_is_better"));
        // Gross margin: more is better, so bad (80%) above good (60%) is refused.
        mvc.perform(save(form -> form.getRules().get(11).setBad(new BigDecimal("80"))))
                .andExpect(model().attributeHasFieldErrorCode("form", "rules[11].bad", "scoring.edit.error.higher_is_better"));
        mvc.perform(save(form -> form.setGradeC(new BigDecimal("75"))))
                .andExpect(model().attributeHasFieldErrorCode("form", "gradeC", "scoring.edit.error.band_order"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Must be lower than the grade above it.")));
        mvc.perform(save(form -> form.setTargetMargin(new BigDecimal("100"))))
                .andExpect(model().attributeHasFieldErrorCode("form", "targetMargin", "scoring.edit.error.below_hundred"));
        mvc.perform(save(form -> form.setDependencyShare(null)))
                .andExpect(model().attributeHasFieldErrorCode("form", "dependencyShare", "NotNull"));
        mvc.perform(save(form -> form.getRules().forEach(rule -> rule.setEnabled(false))))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "At least one rule must be on with a weight above 0.")));
        mvc.perform(save(form -> {}).with(request -> {
                    request.setParameter("gradeB", "lots");
                    return request;
                }))
                .andExpect(model().attributeHasFieldErrorCode("form", "gradeB", "typeMismatch"));

        ScoringModel unchanged = models.model(draft).orElseThrow();
        assertThat(unchanged.rule("late_payments").orElseThrow().weight()).isEqualTo(60);
        assertThat(unchanged.gradeBands().c()).isEqualByComparingTo("55");
        assertThat(unchanged.targetMargin()).isEqualByComparingTo("0.50");
    }

    @Test
    @Order(4)
    void accountManagersReadTheModelWithoutButtonsAndStaffSeeNothing() throws Exception {
        String page = mvc.perform(get("/scoring/model").with(MANAGER)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"model-rules\"").doesNotContain("create-draft", "edit-draft", "owner-actions");
        mvc.perform(get("/scoring/model").param("version", String.valueOf(draft)).with(MANAGER)).andExpect(status().isOk());
        mvc.perform(get("/scoring/model/" + draft + "/edit").with(MANAGER)).andExpect(status().isForbidden());
        mvc.perform(get("/scoring/model/" + draft + "/preview").with(MANAGER)).andExpect(status().isForbidden());
        for (String action : new String[] {"edit", "activate", "discard"}) {
            mvc.perform(post("/scoring/model/" + draft + "/" + action).with(MANAGER).with(csrf()))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/scoring/model/" + draft + "/" + action).with(STAFF).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(post("/scoring/model/drafts").with(MANAGER).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/scoring/model").with(STAFF)).andExpect(status().isForbidden());
        assertThat(models.draft()).map(ModelVersion::version).contains(draft);
        assertThat(models.active().version()).isEqualTo(activeBefore);
    }

    @Test
    @Order(5)
    void activatingRescoresUnderTheDraftAndTheOldScoresStayReadable() throws Exception {
        mvc.perform(post("/scoring/model/" + activeBefore + "/activate").with(OWNER).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/scoring/model/" + draft + "/activate").with(OWNER).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/scoring/model"));

        assertThat(models.active().version()).isEqualTo(draft);
        assertThat(grade("edit-Flipper", null)).isEqualTo("B");
        assertThat(grade("edit-Flipper", activeBefore)).isEqualTo("A");
        assertThat(scorecards.gradeBands()).containsEntry("A", new BigDecimal("86")).containsKeys("B", "C", "D");

        String page = mvc.perform(get("/scoring/model").with(OWNER)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Active: every current score uses this version.", "id=\"create-draft\"");
        assertThat(versionRow(page, draft)).contains(EditorPortfolio.OWNER);
        assertThat(versionRow(page, activeBefore)).contains("Retired");
        mvc.perform(get("/scoring/model/" + draft + "/edit").with(OWNER)).andExpect(status().isNotFound());
    }

    @Test
    @Order(6)
    void aDiscardedDraftIsGone() throws Exception {
        mvc.perform(post("/scoring/model/drafts").with(OWNER).with(csrf())).andExpect(status().is3xxRedirection());
        int next = models.draft().orElseThrow().version();
        mvc.perform(post("/scoring/model/" + next + "/discard").with(OWNER).with(csrf()))
                .andExpect(redirectedUrl("/scoring/model"));
        assertThat(models.draft()).isEmpty();
        assertThat(models.version(next)).isEmpty();
        assertThat(models.active().version()).isEqualTo(draft);
    }

    /** A POST of the draft's current settings after {@code change}, as the browser would send them. */
    private MockHttpServletRequestBuilder save(Consumer<ModelForm> change) {
        ModelForm form = ModelForm.of(models.model(draft).orElseThrow());
        change.accept(form);
        MockHttpServletRequestBuilder request = post("/scoring/model/" + draft + "/edit").with(OWNER).with(csrf());
        for (int i = 0; i < form.getRules().size(); i++) {
            ModelForm.RuleRow rule = form.getRules().get(i);
            String p = "rules[" + i + "].";
            request.param(p + "key", rule.getKey()).param("_" + p + "enabled", "on")
                    .param(p + "good", text(rule.getGood())).param(p + "bad", text(rule.getBad()))
                    .param(p + "weight", text(rule.getWeight())).param(p + "windowMonths", text(rule.getWindowMonths()));
            if (rule.isEnabled()) {
                request.param(p + "enabled", "true");
            }
        }
        for (int i = 0; i < form.getDealbreakers().size(); i++) {
            ModelForm.DealbreakerRow dealbreaker = form.getDealbreakers().get(i);
            String p = "dealbreakers[" + i + "].";
            request.param(p + "key", dealbreaker.getKey()).param("_" + p + "enabled", "on");
            if (dealbreaker.isEnabled()) {
                request.param(p + "enabled", "true");
            }
            for (int t = 0; t < dealbreaker.getThresholds().size(); t++) {
                request.param(p + "thresholds[" + t + "].name", dealbreaker.getThresholds().get(t).getName())
                        .param(p + "thresholds[" + t + "].value", text(dealbreaker.getThresholds().get(t).getValue()));
            }
        }
        request.param("gradeA", text(form.getGradeA())).param("gradeB", text(form.getGradeB()))
                .param("gradeC", text(form.getGradeC())).param("gradeD", text(form.getGradeD()))
                .param("minimumCompleteness", text(form.getMinimumCompleteness()))
                .param("worseningPoints", text(form.getWorseningPoints()))
                .param("drainRevenueTopPercent", text(form.getDrainRevenueTopPercent()))
                .param("drainEffortTopPercent", text(form.getDrainEffortTopPercent()))
                .param("targetMargin", text(form.getTargetMargin()))
                .param("dependencyShare", text(form.getDependencyShare()));
        return request;
    }

    private static ModelForm.RuleRow latePayments(ModelForm form) {
        ModelForm.RuleRow rule = form.getRules().get(0);
        assertThat(rule.getKey()).isEqualTo("late_payments");
        return rule;
    }

    private static String text(Object value) {
        return value == null ? "" : value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }

    private String grade(String client, Integer version) {
        long id = jdbc.queryForObject("select id from client where name = ?", Long.class, client);
        PortfolioView portfolio = version == null ? scorecards.portfolio(EditorPortfolio.MONTH)
                : scorecards.portfolio(EditorPortfolio.MONTH, version);
        return portfolio.scorecards().stream().filter(card -> card.clientId() == id)
                .findFirst().orElseThrow().grade();
    }

    /** The preview table's row of one client. */
    private static String row(String html, String client) {
        int at = html.indexOf("data-client=\"" + client + "\"");
        assertThat(at).as("row of " + client).isPositive();
        int start = html.lastIndexOf("<tr", at);
        return html.substring(start, html.indexOf("</tr>", at));
    }

    private static String versionRow(String html, int version) {
        int at = html.indexOf("version=" + version + "\">" + version + "</a>");
        assertThat(at).as("row of version " + version).isPositive();
        return html.substring(at, html.indexOf("</tr>", at));
    }
}
