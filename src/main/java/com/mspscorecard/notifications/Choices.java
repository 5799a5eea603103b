package com.mspscorecard.notifications;

import com.mspscorecard.notifications.internal.Choice;

import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** What each user wants to be told, and how ({@code notification_choice}); no row: everything on. */
@Component
class Choices {

    private final JdbcTemplate jdbc;

    Choices(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Choice of(long userId) {
        return all().getOrDefault(userId, Choice.DEFAULT);
    }

    Map<Long, Choice> all() {
        Map<Long, Choice> choices = new HashMap<>();
        jdbc.query("select user_id, digest_mail, digest_app, alerts_mail, alerts_app from notification_choice",
                rs -> {
                    choices.put(rs.getLong(1), new Choice(rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4),
                            rs.getBoolean(5)));
                });
        return choices;
    }

    void save(long userId, Choice choice) {
        jdbc.update("""
                insert into notification_choice (user_id, digest_mail, digest_app, alerts_mail, alerts_app)
                values (?, ?, ?, ?, ?)
                on conflict (user_id) do update set digest_mail = excluded.digest_mail, digest_app = excluded.digest_app,
                    alerts_mail = excluded.alerts_mail, alerts_app = excluded.alerts_app""",
                userId, choice.digestMail(), choice.digestApp(), choice.alertsMail(), choice.alertsApp());
    }
}
