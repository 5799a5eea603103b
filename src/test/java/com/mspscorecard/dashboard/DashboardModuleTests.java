package com.mspscorecard.dashboard;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.mspscorecard.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The dashboard boots with what it reads (scoring's API and what scoring needs) and shows its pages.
 * The layout asks the web module for the menu by bean name ({@code @navigation}), a dependency no
 * Java type shows, so the web module is included by name.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = { "web", "notifications" })
@AutoConfigureMockMvc
class DashboardModuleTests {

    @Autowired
    MockMvc mvc;

    @Test
    void itsPagesAnswerTheOwner() throws Exception {
        TestUsers.ensure("dashboard-module", "OWNER");
        for (String page : new String[] { "/", "/scorecards", "/pareto" }) {
            mvc.perform(get(page).with(user("dashboard-module").roles("OWNER"))).andExpect(status().isOk());
        }
    }
}
