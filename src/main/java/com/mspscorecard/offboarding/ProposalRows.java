package com.mspscorecard.offboarding;

import java.math.BigDecimal;
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

/** The table of price-raise proposals; client names come from the clients module. */
@Repository
class ProposalRows {

    private static final String SELECT = "select * from price_proposal";

    private final JdbcTemplate jdbc;

    ProposalRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PriceProposal> byId(long id) {
        return jdbc.query(SELECT + " where id = ?", ProposalRows::row, id).stream().findFirst();
    }

    Optional<PriceProposal> openOf(long clientId) {
        return jdbc.query(SELECT + " where client_id = ? and state = 'OPEN'", ProposalRows::row, clientId).stream().findFirst();
    }

    List<PriceProposal> ofClient(long clientId) {
        return jdbc.query(SELECT + " where client_id = ? order by opened_at desc, id desc", ProposalRows::row, clientId);
    }

    /** Open proposals, and accepted ones whose new price is not yet in force. */
    List<PriceProposal> pending() {
        return jdbc.query(SELECT + " where state = 'OPEN' or (state = 'ACCEPTED' and not applied) order by effective_on, id",
                ProposalRows::row);
    }

    List<PriceProposal> due(LocalDate today) {
        return jdbc.query(SELECT + " where state = 'ACCEPTED' and not applied and effective_on <= ? for update",
                ProposalRows::row, today);
    }

    long insert(long clientId, BigDecimal current, BigDecimal proposed, LocalDate effectiveOn, String language,
            String letter, String openedBy) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement("""
                    insert into price_proposal (client_id, current_price, proposed_price, effective_on, letter_language,
                        letter, opened_by) values (?, ?, ?, ?, ?, ?, ?)""", new String[] { "id" });
            ps.setLong(1, clientId);
            ps.setBigDecimal(2, current);
            ps.setBigDecimal(3, proposed);
            ps.setObject(4, effectiveOn);
            ps.setString(5, language);
            ps.setString(6, letter);
            ps.setString(7, openedBy);
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    boolean close(long id, int version, String state, String reason, String closedBy) {
        return jdbc.update("""
                update price_proposal set state = ?, withdraw_reason = ?, closed_by = ?, closed_at = now(),
                    version = version + 1 where id = ? and version = ? and state = 'OPEN'""",
                state, reason, closedBy, id, version) == 1;
    }

    void markApplied(long id) {
        jdbc.update("update price_proposal set applied = true, version = version + 1 where id = ?", id);
    }

    private static PriceProposal row(ResultSet rs, int n) throws SQLException {
        return new PriceProposal(rs.getLong("id"), rs.getLong("client_id"), null, rs.getString("state"),
                rs.getBigDecimal("current_price"), rs.getBigDecimal("proposed_price"),
                rs.getObject("effective_on", LocalDate.class), rs.getString("letter_language"), rs.getString("letter"),
                rs.getString("withdraw_reason"), rs.getString("opened_by"), instant(rs, "opened_at"),
                rs.getString("closed_by"), instant(rs, "closed_at"), rs.getBoolean("applied"), rs.getInt("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
