package com.mspscorecard.clients;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;

import com.mspscorecard.audit.AuditEvent;
import com.mspscorecard.audit.AuditTrail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Contract changes other modules make: an accepted price raise changes the agreed monthly fee. */
@Service
public class ClientContracts {

    private final Clients clients;
    private final AuditTrail audit;
    private final Clock clock;

    ClientContracts(Clients clients, AuditTrail audit, Clock clock) {
        this.clients = clients;
        this.audit = audit;
        this.clock = clock;
    }

    /** Sets {@code contract_mrr}, audited as a field change with the reason; a stale client form is refused afterwards. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void changeMonthlyFee(long clientId, BigDecimal fee, AuditEvent.Word why) {
        Client client = clients.findById(clientId).orElseThrow(() -> new ClientNotFound(clientId));
        BigDecimal before = client.getContractMrr();
        client.setContractMrr(fee, Instant.now(clock));
        clients.saveAndFlush(client);
        audit.record(AuditEvent.of("CHANGED", ClientService.ENTITY, clientId, "client.feeChanged", client.getName(), why)
                .forClient(clientId, client.getName())
                .withChanges(java.util.List.of(AuditEvent.FieldChange.of("contractMrr", before, fee))));
    }
}
