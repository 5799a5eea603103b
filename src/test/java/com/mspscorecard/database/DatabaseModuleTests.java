package com.mspscorecard.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.mspscorecard.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.modulith.test.ApplicationModuleTest;

/**
 * The database module boots alone: with a configured URL it starts no embedded server and creates
 * no database, so the test run stays on the database it created.
 */
@ApplicationModuleTest
class DatabaseModuleTests {

    @Autowired
    Environment environment;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void aConfiguredDatabaseIsUsedAsItIs() {
        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo(TestDatabase.get().url());
        assertThat(environment.getProperty("scorecard.database.create-if-missing", Boolean.class)).isFalse();
        assertThat(context.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
    }
}
