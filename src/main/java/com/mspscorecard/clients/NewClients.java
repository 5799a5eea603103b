package com.mspscorecard.clients;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.mspscorecard.audit.AuditEvent;
import com.mspscorecard.audit.AuditTrail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates many clients in one statement, for the modules that need them in bulk: an import's
 * missing clients, the demo portfolio. The one other way clients come to exist besides the
 * client form and the API ({@link ClientService}), and the only SQL that inserts into
 * {@code client}. Each creation is audited. The caller has checked the names (unique,
 * at most {@value ClientRules#NAME_MAX} characters); a clash fails the caller's transaction.
 */
@Service
public class NewClients {

    private final JdbcTemplate jdbc;

    private final AuditTrail audit;

    NewClients(JdbcTemplate jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * Creates the clients inside the caller's transaction.
     *
     * @param auditCode the audit sentence ({@code audit.event.<code>}), given each client's name and then {@code auditArgs}
     * @return each new client's id by its name in lower case
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, Long> create(List<NewClient> clients, String auditCode, String... auditArgs) {
        Map<String, Long> ids = new HashMap<>();
        if (clients.isEmpty()) {
            return ids;
        }
        int n = clients.size();
        Object[] names = new Object[n], refs = new Object[n], industries = new Object[n], managers = new Object[n],
                terms = new Object[n], starts = new Object[n], ends = new Object[n], notices = new Object[n],
                mrrs = new Object[n], endpoints = new Object[n], notes = new Object[n];
        for (int i = 0; i < n; i++) {
            NewClient c = clients.get(i);
            names[i] = c.name();
            refs[i] = c.externalRef();
            industries[i] = c.industry();
            managers[i] = c.accountManagerId();
            terms[i] = (c.paymentTerms() == null ? PaymentTerms.NET_30 : c.paymentTerms()).name();
            starts[i] = c.contractStart() == null ? null : Date.valueOf(c.contractStart());
            ends[i] = c.contractEnd() == null ? null : Date.valueOf(c.contractEnd());
            notices[i] = c.noticePeriodDays();
            mrrs[i] = c.contractMrr();
            endpoints[i] = c.endpoints();
            notes[i] = c.notes();
        }
        List<AuditEvent> created = new ArrayList<>();
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    insert into client (name, external_ref, industry, account_manager_id, payment_terms, contract_start,
                        contract_end, notice_period_days, contract_mrr, endpoints, notes)
                    select * from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::bigint[], ?::varchar[], ?::date[],
                        ?::date[], ?::integer[], ?::numeric[], ?::integer[], ?::text[])
                    returning id, name""");
            ps.setArray(1, con.createArrayOf("varchar", names));
            ps.setArray(2, con.createArrayOf("varchar", refs));
            ps.setArray(3, con.createArrayOf("varchar", industries));
            ps.setArray(4, con.createArrayOf("bigint", managers));
            ps.setArray(5, con.createArrayOf("varchar", terms));
            ps.setArray(6, con.createArrayOf("date", starts));
            ps.setArray(7, con.createArrayOf("date", ends));
            ps.setArray(8, con.createArrayOf("integer", notices));
            ps.setArray(9, con.createArrayOf("numeric", mrrs));
            ps.setArray(10, con.createArrayOf("integer", endpoints));
            ps.setArray(11, con.createArrayOf("text", notes));
            return ps;
        }, rs -> {
            long id = rs.getLong(1);
            String name = rs.getString(2);
            ids.put(name.toLowerCase(Locale.ROOT), id);
            created.add(AuditEvent.of("CREATED", ClientService.ENTITY, id, auditCode, prepend(name, auditArgs))
                    .forClient(id, name));
        });
        audit.recordAll(created);
        return ids;
    }

    private static Object[] prepend(String name, String[] args) {
        Object[] all = new Object[args.length + 1];
        all[0] = name;
        System.arraycopy(args, 0, all, 1, args.length);
        return all;
    }
}
