package com.mspscorecard.contracts;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.mspscorecard.users.Role;
import com.mspscorecard.users.UserDirectory;
import com.mspscorecard.users.UserSummary;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /calendar/feed/{secret}.ics}: a user's deadlines as iCalendar, without a session (see
 * {@link CalendarFeedSecurity}). Owners get every client's, account managers their own clients'.
 * Only client names, dates and "notice deadline" / "renewal": never verdicts or reasons. An unknown
 * or revoked secret, a disabled user or one of another role gets 404.
 */
@RestController
class CalendarFeedController {

    static final MediaType CALENDAR = new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8);

    private final CalendarFeeds feeds;
    private final ContractDeadlines deadlines;
    private final UserDirectory users;
    private final MessageSource messages;
    private final Clock clock;

    CalendarFeedController(CalendarFeeds feeds, ContractDeadlines deadlines, UserDirectory users,
            MessageSource messages, Clock clock) {
        this.feeds = feeds;
        this.deadlines = deadlines;
        this.users = users;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/calendar/feed/{secret}.ics")
    ResponseEntity<String> feed(@PathVariable String secret) {
        CalendarFeeds.Feed feed = feeds.bySecret(secret).orElse(null);
        UserSummary user = feed == null ? null : users.byId(feed.userId()).orElse(null);
        if (user == null || !user.enabled() || user.role() == Role.STAFF) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body("Not found\n");
        }
        Locale locale = Locale.forLanguageTag(feed.language());
        String notice = messages.getMessage("deadlines.calendar.notice", null, locale);
        String renewal = messages.getMessage("deadlines.calendar.renewal", null, locale);
        List<ICalendar.Event> events = new ArrayList<>();
        for (ContractDeadline d : deadlines.forCalendar(user.role() == Role.OWNER ? null : user.id())) {
            long id = d.contract().clientId();
            String name = d.contract().clientName();
            events.add(new ICalendar.Event("notice-" + id + "-" + d.noticeBy() + "@msp-scorecard", d.noticeBy(),
                    name + ": " + notice));
            events.add(new ICalendar.Event("renewal-" + id + "-" + d.renewal() + "@msp-scorecard", d.renewal(),
                    name + ": " + renewal));
        }
        String body = ICalendar.write(messages.getMessage("deadlines.calendar.name", null, locale), events,
                Instant.now(clock));
        return ResponseEntity.ok().contentType(CALENDAR).cacheControl(CacheControl.noStore()).body(body);
    }
}
