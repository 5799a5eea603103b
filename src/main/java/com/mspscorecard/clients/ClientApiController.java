package com.mspscorecard.clients;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.mspscorecard.users.UserDirectory;
import com.mspscorecard.users.UserSummary;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/clients}: every role may read, staff see only id and name; owners and
 * account managers create and replace (PUT needs the {@code version} last read).
 */
@RestController
@RequestMapping("/api/v1/clients")
@PreAuthorize("hasAnyRole('OWNER','ACCOUNT_MANAGER','STAFF')")
class ClientApiController {

    private final ClientService clients;

    private final UserDirectory users;

    ClientApiController(ClientService clients, UserDirectory users) {
        this.clients = clients;
        this.users = users;
    }

    /** The client as integrations see it (PRODUCT §5). */
    record ClientJson(long id, String name, String externalRef, String industry, String accountManager,
            ClientStatus status, PaymentTerms paymentTerms, LocalDate contractStart, LocalDate contractEnd,
            Integer noticePeriodDays, BigDecimal contractMrr, Integer endpoints, String notes, int version,
            boolean autoRenew) {
    }

    /** What staff may see of a client. */
    record ClientName(long id, String name) {
    }

    /** A client to create or replace; {@code version} is required to replace. */
    record ClientRequest(String name, String externalRef, String industry, String accountManager,
            ClientStatus status, PaymentTerms paymentTerms, LocalDate contractStart, LocalDate contractEnd,
            Integer noticePeriodDays, BigDecimal contractMrr, Integer endpoints, String notes, Integer version,
            Boolean autoRenew) {
    }

    @GetMapping
    List<?> list(Authentication authentication) {
        List<Client> all = clients.all().stream()
                .sorted(java.util.Comparator.comparing(c -> c.getName().toLowerCase(java.util.Locale.ROOT))).toList();
        if (!ClientAccess.seesFinancials(authentication)) {
            return all.stream().filter(c -> c.getStatus() != ClientStatus.OFFBOARDED)
                    .map(c -> new ClientName(c.getId(), c.getName())).toList();
        }
        Map<Long, String> usernames = usernames();
        return all.stream().map(c -> json(c, usernames)).toList();
    }

    @GetMapping("/{id}")
    Object one(@PathVariable long id, Authentication authentication) {
        Client client = clients.byId(id).orElseThrow(() -> new ClientNotFound(id));
        if (!ClientAccess.seesFinancials(authentication)) {
            return new ClientName(client.getId(), client.getName());
        }
        return json(client, usernames());
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('OWNER','ACCOUNT_MANAGER')")
    ResponseEntity<ClientJson> create(@RequestBody ClientRequest request) {
        Client client = clients.create(form(request, null));
        return ResponseEntity.created(URI.create("/api/v1/clients/" + client.getId()))
                .body(json(client, usernames()));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('OWNER','ACCOUNT_MANAGER')")
    ClientJson replace(@PathVariable long id, @RequestBody ClientRequest request) {
        Client current = clients.byId(id).orElseThrow(() -> new ClientNotFound(id));
        return json(clients.update(id, form(request, current)), usernames());
    }

    /** Status and terms left out of a PUT keep their values; everything else is replaced. */
    private ClientForm form(ClientRequest r, Client current) {
        Long managerId = null;
        if (r.accountManager() != null && !r.accountManager().isBlank()) {
            managerId = users.byUsername(r.accountManager().trim()).map(UserSummary::id)
                    .orElseThrow(() -> new InvalidInput(
                            List.of(FieldProblem.of("accountManagerId", "client.accountManager.unknown"))));
        }
        ClientStatus status = r.status() != null ? r.status() : current != null ? current.getStatus() : null;
        PaymentTerms terms = r.paymentTerms() != null ? r.paymentTerms()
                : current != null ? current.getPaymentTerms() : null;
        ClientForm form = new ClientForm(r.name(), r.externalRef(), r.industry(), managerId, status, terms,
                r.contractStart(), r.contractEnd(), r.noticePeriodDays(), r.contractMrr(), r.endpoints(), r.notes(),
                r.version());
        form.setAutoRenew(r.autoRenew());
        return form;
    }

    private Map<Long, String> usernames() {
        return users.all().stream().collect(Collectors.toMap(UserSummary::id, UserSummary::username));
    }

    private static ClientJson json(Client c, Map<Long, String> usernames) {
        return new ClientJson(c.getId(), c.getName(), c.getExternalRef(), c.getIndustry(),
                usernames.get(c.getAccountManagerId()), c.getStatus(), c.getPaymentTerms(), c.getContractStart(),
                c.getContractEnd(), c.getNoticePeriodDays(), c.getContractMrr(), c.getEndpoints(), c.getNotes(),
                c.getVersion(), c.isAutoRenew());
    }
}
