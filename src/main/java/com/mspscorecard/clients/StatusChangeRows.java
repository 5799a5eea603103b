package com.mspscorecard.clients;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The table {@code client_status_change}: dated status changes, the one record of status over time. */
@Repository
class StatusChangeRows {

    private final JdbcTemplate jdbc;

    StatusChangeRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long clientId, ClientStatus status, LocalDate effectiveOn) {
        jdbc.update("insert into client_status_change (client_id, status, effective_on) values (?, ?, ?)", clientId,
                status.name(), effectiveOn);
    }

    PortfolioMembership membership() {
        Map<Long, List<PortfolioMembership.StatusChange>> byClient = new HashMap<>();
        jdbc.query("select client_id, status, effective_on from client_status_change order by effective_on, id",
                rs -> {
                    byClient.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                            .add(new PortfolioMembership.StatusChange(ClientStatus.valueOf(rs.getString(2)),
                                    rs.getObject(3, LocalDate.class)));
                });
        return new PortfolioMembership(byClient);
    }

    /** Clients whose stored status is not the one in effect on {@code today}, with the one in effect. */
    Map<Long, ClientStatus> due(LocalDate today) {
        Map<Long, ClientStatus> due = new HashMap<>();
        jdbc.query("""
                select c.id, latest.status from client c
                join lateral (select s.status from client_status_change s
                              where s.client_id = c.id and s.effective_on <= ?
                              order by s.effective_on desc, s.id desc limit 1) latest on true
                where latest.status <> c.status""",
                rs -> {
                    due.put(rs.getLong(1), ClientStatus.valueOf(rs.getString(2)));
                }, today);
        return due;
    }
}
