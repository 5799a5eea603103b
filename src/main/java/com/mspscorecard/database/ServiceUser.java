package com.mspscorecard.database;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The unprivileged system user the embedded server runs as when the application runs as root.
 * A dedicated user rather than {@code nobody}, because it owns the data directory and
 * {@code nobody} must own nothing; {@code nobody} only when no user can be created.
 */
final class ServiceUser {

    private static final Log log = LogFactory.getLog(ServiceUser.class);

    private ServiceUser() {
    }

    static String findOrCreate(String name) {
        if (exists(name)) {
            return name;
        }
        PostgresCommands.Result created = PostgresCommands.run(List.of("useradd", "--system", "--user-group",
                "--no-create-home", "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", name));
        if (created.succeeded() || exists(name)) {
            log.info("Created the system user '" + name + "' to run the embedded PostgreSQL (it refuses root)");
            return name;
        }
        if (exists("nobody")) {
            log.warn("Could not create the system user '" + name + "' (" + created.output().strip()
                    + "); the embedded PostgreSQL runs as 'nobody'");
            return "nobody";
        }
        throw new DatabaseStartupException("PostgreSQL refuses to run as root, and no unprivileged user '" + name
                + "' exists or could be created.",
                "Create the user (useradd --system " + name + "), run the application as an ordinary user, "
                        + "or set SPRING_DATASOURCE_URL.");
    }

    private static boolean exists(String name) {
        return PostgresCommands.run(List.of("id", "-u", name)).succeeded();
    }
}
