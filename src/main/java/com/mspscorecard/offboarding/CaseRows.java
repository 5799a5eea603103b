package com.mspscorecard.offboarding;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The tables of cases, checklist items and the template; nothing else writes them. */
@Repository
class CaseRows {

    // Client names and usernames come from their modules' APIs (see OffboardingService), never by join.
    private static final String CASES = "select k.* from offboarding_case k";

    private static final String ITEMS = "select i.* from offboarding_item i";

    private final JdbcTemplate jdbc;

    CaseRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<OffboardingCase> byId(long id) {
        return jdbc.query(CASES + " where k.id = ?", CaseRows::toCase, id).stream().findFirst();
    }

    Optional<OffboardingCase> openOf(long clientId) {
        return jdbc.query(CASES + " where k.client_id = ? and k.state = 'OPEN'", CaseRows::toCase, clientId)
                .stream().findFirst();
    }

    List<OffboardingCase> ofClient(long clientId) {
        return jdbc.query(CASES + " where k.client_id = ? order by k.opened_at desc, k.id desc", CaseRows::toCase, clientId);
    }

    List<OffboardingCase> open() {
        return jdbc.query(CASES + " where k.state = 'OPEN' order by k.exit_date, k.id", CaseRows::toCase);
    }

    long insert(long clientId, String decision, String reasons, LocalDate exitDate, String language, String letter,
            String openedBy) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement("""
                    insert into offboarding_case (client_id, decision, reasons, exit_date, letter_language, letter, opened_by)
                    values (?, ?, ?, ?, ?, ?, ?)""", new String[] { "id" });
            ps.setLong(1, clientId);
            ps.setString(2, decision);
            ps.setString(3, reasons);
            ps.setObject(4, exitDate);
            ps.setString(5, language);
            ps.setString(6, letter);
            ps.setString(7, openedBy);
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    /** Closes an open case at {@code version}; false when it was changed or closed meanwhile. */
    boolean close(long id, int version, String state, String withdrawReason, String closedBy) {
        return jdbc.update("""
                update offboarding_case set state = ?, withdraw_reason = ?, closed_by = ?, closed_at = now(),
                    version = version + 1 where id = ? and version = ? and state = 'OPEN'""",
                state, withdrawReason, closedBy, id, version) == 1;
    }

    boolean updateLetter(long id, int version, String language, String letter) {
        return jdbc.update("""
                update offboarding_case set letter_language = ?, letter = ?, version = version + 1
                where id = ? and version = ? and state = 'OPEN'""", language, letter, id, version) == 1;
    }

    void insertItem(long caseId, int position, String title, Long assigneeId, LocalDate dueOn) {
        jdbc.update("insert into offboarding_item (case_id, position, title, assignee_id, due_on) values (?, ?, ?, ?, ?)",
                caseId, position, title, assigneeId, dueOn);
    }

    List<ChecklistItem> items(long caseId) {
        return jdbc.query(ITEMS + " where i.case_id = ? order by i.position, i.id", CaseRows::toItem, caseId);
    }

    Optional<ChecklistItem> item(long caseId, long itemId) {
        return jdbc.query(ITEMS + " where i.case_id = ? and i.id = ?", CaseRows::toItem, caseId, itemId).stream()
                .findFirst();
    }

    /** Open cases' items assigned to the user, soonest first. */
    List<ChecklistItem> assignedTo(long userId) {
        return jdbc.query(ITEMS + " join offboarding_case k on k.id = i.case_id and k.state = 'OPEN' "
                + "where i.assignee_id = ? order by i.due_on nulls last, i.id", CaseRows::toItem, userId);
    }

    boolean tick(long itemId, int version, String doneBy) {
        return jdbc.update("""
                update offboarding_item set done_by = ?, done_at = case when ?::varchar is null then null else now() end,
                    version = version + 1 where id = ? and version = ?""", doneBy, doneBy, itemId, version) == 1;
    }

    boolean assign(long itemId, int version, Long assigneeId, LocalDate dueOn) {
        return jdbc.update("update offboarding_item set assignee_id = ?, due_on = ?, version = version + 1 "
                + "where id = ? and version = ?", assigneeId, dueOn, itemId, version) == 1;
    }

    List<TemplateItem> template() {
        return jdbc.query("select * from offboarding_template_item order by position, id",
                (rs, n) -> new TemplateItem(rs.getLong("id"), rs.getInt("position"), rs.getInt("days_before_exit"),
                        rs.getString("title_en"), rs.getString("title_it")));
    }

    void replaceTemplate(List<TemplateItem> items) {
        jdbc.update("delete from offboarding_template_item");
        int position = 1;
        for (TemplateItem item : items) {
            jdbc.update("insert into offboarding_template_item (position, days_before_exit, title_en, title_it) "
                    + "values (?, ?, ?, ?)", position++, item.daysBeforeExit(), item.titleEn(), item.titleIt());
        }
    }

    private static OffboardingCase toCase(ResultSet rs, int n) throws SQLException {
        return new OffboardingCase(rs.getLong("id"), rs.getLong("client_id"), null, null, rs.getString("state"), rs.getString("decision"),
                rs.getString("reasons"), rs.getObject("exit_date", LocalDate.class), rs.getString("letter_language"),
                rs.getString("letter"), rs.getString("withdraw_reason"), rs.getString("opened_by"),
                instant(rs, "opened_at"), rs.getString("closed_by"), instant(rs, "closed_at"), rs.getInt("version"));
    }

    private static ChecklistItem toItem(ResultSet rs, int n) throws SQLException {
        return new ChecklistItem(rs.getLong("id"), rs.getLong("case_id"), rs.getInt("position"), rs.getString("title"),
                (Long) rs.getObject("assignee_id"), null, rs.getObject("due_on", LocalDate.class),
                rs.getString("done_by"), instant(rs, "done_at"), rs.getInt("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
