package com.mspscorecard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.mspscorecard.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V20 turns the English audit entries already stored into codes where their shape is known, and
 * leaves every other one without a code, so that the page shows it marked as recorded in English.
 */
class AuditCodesMigrationTests {

    @Test
    void entriesStoredInEnglishAreConvertedOrLeftMarked() {
        TestDatabase database = TestDatabase.get().fresh();
        DriverManagerDataSource source = new DriverManagerDataSource(database.url(), database.username(),
                database.password());
        flyway(source, "11").migrate();
        JdbcTemplate jdbc = new JdbcTemplate(source);
        long client = jdbc.queryForObject("insert into client (name) values ('Studio Bianchi') returning id", Long.class);
        jdbc.update("insert into audit_entry (actor, action, entity_type, entity_id, client_id, summary) "
                + "values ('owner', 'CREATED', 'CLIENT', ?, ?, 'Client Studio Bianchi created')", client, client);
        jdbc.update("insert into audit_entry (actor, action, entity_type, entity_id, client_id, field, old_value, "
                + "new_value, summary) values ('am', 'CHANGED', 'SNAPSHOT', 7, ?, 'revenue', '10.00', '12.50', "
                + "'Metrics of Studio Bianchi for 2025-06: revenue changed')", client);
        jdbc.update("insert into audit_entry (actor, action, entity_type, summary) "
                + "values ('owner', 'IMPORTED', 'IMPORT', 'Imported a.csv (SHA-256 x): 1 rows, 1 new')");

        flyway(source, "latest").migrate();

        Map<String, Object> created = jdbc.queryForMap("select code, args::text as args, client_name from audit_entry "
                + "where action = 'CREATED'");
        assertThat(created).containsEntry("code", "client.created").containsEntry("args", "[\"Studio Bianchi\"]")
                .containsEntry("client_name", "Studio Bianchi");
        Map<String, Object> changed = jdbc.queryForMap("select code, args::text as args, changes::text as changes "
                + "from audit_entry where action = 'CHANGED'");
        assertThat(changed).containsEntry("code", "snapshot.changed")
                .containsEntry("args", "[\"Studio Bianchi\", {\"m\": \"2025-06\"}]")
                .containsEntry("changes", "[{\"new\": \"12.50\", \"old\": \"10.00\", \"field\": \"revenue\"}]");
        assertThat(jdbc.queryForObject("select code from audit_entry where action = 'IMPORTED'", String.class))
                .as("an English sentence of no fixed shape stays marked as English").isNull();
    }

    private static Flyway flyway(DriverManagerDataSource source, String target) {
        return Flyway.configure().dataSource(source).locations("classpath:db/migration").target(target).load();
    }
}
