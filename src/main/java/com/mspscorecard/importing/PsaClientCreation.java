package com.mspscorecard.importing;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.mspscorecard.audit.AuditEvent;
import com.mspscorecard.audit.AuditTrail;
import com.mspscorecard.clients.ClientFacts;
import com.mspscorecard.clients.ClientQueries;
import com.mspscorecard.clients.NewClient;
import com.mspscorecard.clients.NewClients;
import com.mspscorecard.users.Role;
import com.mspscorecard.users.UserDirectory;
import com.mspscorecard.users.UserSummary;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A decision about a name on the queue, from the preview page or the queue page: map it to a
 * client, create a client of that name (through clients' {@link NewClients}, assigned to whoever
 * decides, as the client form does), or ignore it. Remembered for every later upload of the source.
 */
@Component
class PsaClientCreation {

    /** Why a decision was refused: a message code and its arguments. */
    record Problem(String code, List<Object> args) {
    }

    /** Longest client name the clients module takes. */
    static final int CLIENT_NAME_MAX = 200;

    private final PsaClientNames names;
    private final PsaSources sources;
    private final ClientQueries clients;
    private final NewClients newClients;
    private final UserDirectory users;
    private final AuditTrail audit;
    private final TransactionTemplate tx;

    PsaClientCreation(PsaClientNames names, PsaSources sources, ClientQueries clients, NewClients newClients,
            UserDirectory users, AuditTrail audit, PlatformTransactionManager transactions) {
        this.names = names;
        this.sources = sources;
        this.clients = clients;
        this.newClients = newClients;
        this.users = users;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
    }

    /** @param action {@code map} (with {@code clientId}), {@code create} or {@code ignore} */
    Optional<Problem> decide(Long sourceId, String key, String action, Long clientId, String username) {
        if (sourceId == null) {
            return Optional.of(new Problem("psa.error.expired", List.of()));
        }
        Optional<PsaClientNames.Waiting> waiting = names.waiting(sourceId, key);
        if (waiting.isEmpty()) {
            // Decided meanwhile (another tab, another user): nothing to do.
            return Optional.empty();
        }
        String name = waiting.get().shown();
        String sourceName = sources.byId(sourceId).map(PsaSources.Source::name).orElse("");
        switch (action) {
            case "map" -> {
                Optional<ClientFacts> client = clientId == null ? Optional.empty() : clients.byId(clientId);
                if (client.isEmpty()) {
                    return Optional.of(new Problem("psa.names.choose_client", List.of(name)));
                }
                tx.executeWithoutResult(status -> {
                    names.decide(sourceId, key, name, client.get().id(), username);
                    audit.record(AuditEvent.of("CHANGED", "PSA_SOURCE", sourceId, "psa.name.mapped", name,
                            client.get().name(), sourceName).forClient(client.get().id(), client.get().name()));
                });
            }
            case "ignore" -> tx.executeWithoutResult(status -> {
                names.decide(sourceId, key, name, null, username);
                audit.record(AuditEvent.of("CHANGED", "PSA_SOURCE", sourceId, "psa.name.ignored", name, sourceName));
            });
            case "create" -> {
                String clientName = name.strip();
                if (clientName.isEmpty() || clientName.length() > CLIENT_NAME_MAX) {
                    return Optional.of(new Problem("psa.names.too_long", List.of(CLIENT_NAME_MAX)));
                }
                Optional<ClientFacts> existing = clients.all().stream()
                        .filter(c -> c.name().strip().equalsIgnoreCase(clientName)).findFirst();
                Long manager = users.byUsername(username).filter(u -> u.role() != Role.STAFF).map(UserSummary::id)
                        .orElse(null);
                tx.executeWithoutResult(status -> {
                    long id;
                    if (existing.isPresent()) {
                        id = existing.get().id();
                    }
                    else {
                        Map<String, Long> created = newClients.create(List.of(NewClient.named(clientName, manager)),
                                "client.createdByImport", sourceName);
                        id = created.get(clientName.toLowerCase(Locale.ROOT));
                    }
                    names.decide(sourceId, key, name, id, username);
                });
            }
            default -> {
                return Optional.of(new Problem("psa.names.choose_action", List.of(name)));
            }
        }
        return Optional.empty();
    }
}
