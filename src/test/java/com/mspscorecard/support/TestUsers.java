package com.mspscorecard.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import com.mspscorecard.TestDatabase;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Creates users straight in the shared test database, once, whatever test runs first. */
public final class TestUsers {

    public static final String PASSWORD = "correct horse battery";

    private static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private static final String HASH = ENCODER.encode(PASSWORD);

    private TestUsers() {
    }

    /** Ensures an enabled user with this name and role exists, with password {@link #PASSWORD}. */
    public static void ensure(String username, String role) {
        try (Connection c = TestDatabase.get().connect()) {
            ensure(c, username, role);
        }
        catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same, in the database of a context that has one of its own ({@code scorecard.test.fresh-database}). */
    public static void ensure(javax.sql.DataSource database, String username, String role) {
        try (Connection c = database.getConnection()) {
            ensure(c, username, role);
        }
        catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void ensure(Connection c, String username, String role) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                        insert into app_user (username, display_name, role, password_hash, enabled)
                        values (?, ?, ?, ?, true)
                        on conflict (lower(username)) do update set role = excluded.role,
                            password_hash = excluded.password_hash, enabled = true
                        """)) {
            s.setString(1, username);
            s.setString(2, username);
            s.setString(3, role);
            s.setString(4, HASH);
            s.executeUpdate();
        }
    }
}
