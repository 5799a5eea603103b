package com.mspscorecard.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;

/** The demo generator boots with scoring and loads nothing into an installation that has clients. */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class DemoModuleTests {

    @Autowired
    DemoPortfolioGenerator generator;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void neverLoadsIntoAnInstallationWithClients() {
        jdbc.update("insert into client (name) values ('demo-module existing') on conflict do nothing");
        int before = jdbc.queryForObject("select count(*) from client", Integer.class);
        generator.loadIfEmpty();
        assertThat(jdbc.queryForObject("select count(*) from client", Integer.class)).isEqualTo(before);
    }
}
