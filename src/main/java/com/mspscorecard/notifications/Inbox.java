package com.mspscorecard.notifications;

import com.mspscorecard.notifications.internal.AlertNotice;
import com.mspscorecard.notifications.internal.DigestNotice;
import com.mspscorecard.notifications.internal.InboxEntry;
import com.mspscorecard.notifications.internal.Kind;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The in-app notifications ({@code notification}): facts as JSON, written in the reader's language when read. */
@Component
class Inbox {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final int PAGE = 50;

    private final JdbcTemplate jdbc;

    private final Clock clock;

    Inbox(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void add(long userId, Kind kind, Object payload) {
        jdbc.update("insert into notification (user_id, kind, payload, created_at) values (?, ?, ?::jsonb, ?)", userId,
                kind == Kind.PREVIEW ? Kind.DIGEST.name() : kind.name(), JSON.writeValueAsString(payload),
                Timestamp.from(Instant.now(clock)));
    }

    long unread(long userId) {
        return jdbc.queryForObject("select count(*) from notification where user_id = ? and read_at is null", Long.class,
                userId);
    }

    List<InboxEntry> latest(long userId) {
        return jdbc.query("""
                select id, kind, payload::text, created_at, read_at is not null from notification
                where user_id = ? order by created_at desc, id desc limit ?""", (rs, n) -> {
            Kind kind = Kind.valueOf(rs.getString(2));
            String payload = rs.getString(3);
            return new InboxEntry(rs.getLong(1), kind, rs.getTimestamp(4).toInstant(), rs.getBoolean(5),
                    kind == Kind.ALERT ? JSON.readValue(payload, AlertNotice.class) : null,
                    kind == Kind.ALERT ? null : JSON.readValue(payload, DigestNotice.class));
        }, userId, PAGE);
    }

    /** @return whether the notification was the user's and unread */
    boolean markRead(long userId, long id) {
        return jdbc.update("update notification set read_at = ? where id = ? and user_id = ? and read_at is null",
                Timestamp.from(Instant.now(clock)), id, userId) == 1;
    }

    int markAllRead(long userId) {
        return jdbc.update("update notification set read_at = ? where user_id = ? and read_at is null",
                Timestamp.from(Instant.now(clock)), userId);
    }
}
