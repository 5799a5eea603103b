package com.mspscorecard.incidents;

import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to incidents for scoring, in one query. */
@Service
@Transactional(readOnly = true)
public class IncidentQueries {

    private static final RowMapper<IncidentFacts> FACTS = (rs, n) -> new IncidentFacts(rs.getLong("client_id"),
            rs.getObject("occurred_on", java.time.LocalDate.class), IncidentCategory.valueOf(rs.getString("category")));

    private final JdbcTemplate jdbc;

    IncidentQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<IncidentFacts> all() {
        return jdbc.query("select client_id, occurred_on, category from incident order by client_id, occurred_on", FACTS);
    }

    public List<IncidentFacts> ofClients(Collection<Long> clientIds) {
        if (clientIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select client_id, occurred_on, category from incident where client_id = any (?) "
                        + "order by client_id, occurred_on",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", clientIds.toArray())), FACTS);
    }
}
