package com.mspscorecard.reports;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.mspscorecard.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The reports module boots with what it reads (scoring, clients, metrics, incidents, documents and
 * the dashboard's money format) and says plainly when there is nothing to report. The layout needs
 * the web module by bean name, as for the dashboard.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = { "web", "notifications" })
@AutoConfigureMockMvc
class ReportsModuleTests {

    @Autowired
    MockMvc mvc;

    @Test
    void aMonthWithoutScorecardsIsAPageThatSaysSoAndAnUnknownClientIsNotFound() throws Exception {
        TestUsers.ensure("reports-module", "OWNER");
        mvc.perform(get("/scorecards/reports.zip?month=1999-01").with(user("reports-module").roles("OWNER")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("No client has a scorecard for January 1999.")));
        mvc.perform(get("/clients/999999999/scorecard/report.pdf").with(user("reports-module").roles("OWNER")))
                .andExpect(status().isNotFound());
    }
}
