package com.mspscorecard.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit module boots alone and records only inside the transaction of the change it records. */
@ApplicationModuleTest
class AuditModuleTests {

    @Autowired
    AuditTrail trail;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void recordsInsideTheChangesTransactionAndNowhereElse() {
        String actor = "audit-module-" + UUID.randomUUID().toString().substring(0, 8);
        AuditEvent event = AuditEvent.of("CREATED", "CLIENT", 1L, "client.created", "Module Ltd");

        assertThatThrownBy(() -> trail.recordAs(actor, event)).isInstanceOf(IllegalTransactionStateException.class);
        transactions.executeWithoutResult(status -> trail.recordAs(actor, event));
        transactions.executeWithoutResult(status -> {
            trail.recordAs(actor, event);
            status.setRollbackOnly();
        });

        assertThat(jdbc.queryForObject("select count(*) from audit_entry where actor = ? and code = 'client.created' "
                + "and args->>0 = 'Module Ltd'", Integer.class, actor)).isOne();
    }
}
