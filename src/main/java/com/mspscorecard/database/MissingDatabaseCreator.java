package com.mspscorecard.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Creates the configured PostgreSQL database before anything connects to it, when the server
 * accepts the credentials but has no such database yet, so that {@code ./mvnw spring-boot:run}
 * works on a machine that only has a PostgreSQL server. Turned off by
 * {@code scorecard.database.create-if-missing=false}.
 */
public class MissingDatabaseCreator implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final Log log = LogFactory.getLog(MissingDatabaseCreator.class);

    /** SQLSTATE of "database does not exist". */
    private static final String INVALID_CATALOG_NAME = "3D000";

    private static final Pattern POSTGRES_URL = Pattern.compile("jdbc:postgresql://([^/]*)/([^?]+)(\\?.*)?");

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_\\-]{1,63}");

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment env = event.getEnvironment();
        if (!env.getProperty("scorecard.database.create-if-missing", Boolean.class, true)) {
            return;
        }
        String url = env.getProperty("spring.datasource.url");
        if (url == null) {
            return;
        }
        createIfMissing(url, env.getProperty("spring.datasource.username"),
                env.getProperty("spring.datasource.password"));
    }

    /**
     * @return true when the database was created
     */
    static boolean createIfMissing(String url, String username, String password) {
        Matcher m = POSTGRES_URL.matcher(url);
        if (!m.matches()) {
            return false;
        }
        String database = m.group(2);
        Properties credentials = new Properties();
        if (username != null) {
            credentials.setProperty("user", username);
        }
        if (password != null) {
            credentials.setProperty("password", password);
        }
        credentials.setProperty("connectTimeout", "5");
        try (Connection ignored = DriverManager.getConnection(url, credentials)) {
            return false;
        }
        catch (SQLException e) {
            if (!INVALID_CATALOG_NAME.equals(e.getSQLState())) {
                // Server down or credentials wrong: leave it to the normal start-up to report.
                return false;
            }
        }
        if (!SAFE_NAME.matcher(database).matches()) {
            log.warn("Database '" + database + "' does not exist and its name is not one we create automatically");
            return false;
        }
        String maintenanceUrl = "jdbc:postgresql://" + m.group(1) + "/postgres";
        try (Connection connection = DriverManager.getConnection(maintenanceUrl, credentials);
                Statement statement = connection.createStatement()) {
            statement.execute("create database \"" + database + "\"");
            log.info("Created the missing PostgreSQL database '" + database + "' on " + m.group(1));
            return true;
        }
        catch (SQLException e) {
            log.warn("Database '" + database + "' does not exist and could not be created: " + e.getMessage());
            return false;
        }
    }
}
