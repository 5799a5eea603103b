package com.mspscorecard.clients;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to clients for other modules, in one query each (never one per client). */
@Service
@Transactional(readOnly = true)
public class ClientQueries {

    private static final String SELECT = """
            select id, name, external_ref, status, payment_terms, endpoints, contract_mrr, account_manager_id
            from client
            """;

    private static final RowMapper<ClientFacts> FACTS = (rs, n) -> new ClientFacts(rs.getLong("id"),
            rs.getString("name"), rs.getString("external_ref"), ClientStatus.valueOf(rs.getString("status")),
            PaymentTerms.valueOf(rs.getString("payment_terms")), (Integer) rs.getObject("endpoints"),
            rs.getBigDecimal("contract_mrr"), (Long) rs.getObject("account_manager_id"));

    private final JdbcTemplate jdbc;

    ClientQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<ClientFacts> all() {
        return jdbc.query(SELECT + " order by lower(name)", FACTS);
    }

    public List<ClientFacts> active() {
        return jdbc.query(SELECT + " where status = 'ACTIVE' order by lower(name)", FACTS);
    }

    private static final String CONTRACTS = """
            select id, name, account_manager_id, status, contract_start, contract_end, notice_period_days,
                   auto_renew, contract_mrr
            from client""";

    private static final RowMapper<ContractTerms> CONTRACT = (rs, n) -> new ContractTerms(rs.getLong("id"),
            rs.getString("name"), (Long) rs.getObject("account_manager_id"),
            ClientStatus.valueOf(rs.getString("status")), rs.getObject("contract_start", java.time.LocalDate.class),
            rs.getObject("contract_end", java.time.LocalDate.class), (Integer) rs.getObject("notice_period_days"),
            rs.getBoolean("auto_renew"), rs.getBigDecimal("contract_mrr"));

    /** Contract terms of every client, for deadlines: renewal, notice period, renewing on its own. */
    public List<ContractTerms> contracts() {
        return jdbc.query(CONTRACTS + " order by lower(name)", CONTRACT);
    }

    public Optional<ContractTerms> contract(long id) {
        return jdbc.query(CONTRACTS + " where id = ?", CONTRACT, id).stream().findFirst();
    }

    public Optional<ClientFacts> byId(long id) {
        return jdbc.query(SELECT + " where id = ?", FACTS, id).stream().findFirst();
    }
}
