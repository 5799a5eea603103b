package com.mspscorecard.incidents;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;

import java.util.List;
import java.util.Locale;

import com.mspscorecard.clients.ClientAccess;
import com.mspscorecard.clients.ClientFacts;
import com.mspscorecard.clients.ClientNotFound;
import com.mspscorecard.clients.ClientQueries;
import com.mspscorecard.clients.ClientStatus;
import com.mspscorecard.clients.FieldProblem;
import com.mspscorecard.clients.InvalidInput;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Red-flag incidents: every role logs them (from {@code /incidents} or a client's page); owners
 * and account managers see all of them, staff only the ones they logged; the owner may delete.
 */
@Controller
@PreAuthorize("hasAnyRole('OWNER','ACCOUNT_MANAGER','STAFF')")
class IncidentController {

    static final String LIST = "incidents/list";

    static final String CLIENT_SECTION = "incidents/client";

    private final IncidentService incidents;

    private final ClientQueries clients;

    private final Clock clock;

    IncidentController(IncidentService incidents, ClientQueries clients, Clock clock) {
        this.incidents = incidents;
        this.clients = clients;
        this.clock = clock;
    }

    @ModelAttribute("categories")
    IncidentCategory[] categories() {
        return IncidentCategory.values();
    }

    @GetMapping("/incidents")
    String list(@RequestParam(required = false) Long client, Authentication authentication, Model model) {
        model.addAttribute("incidentForm", IncidentForm.empty(client, LocalDate.now(clock)));
        return listPage(model, client, authentication);
    }

    /**
     * Above this many active clients the incidents page asks for the client's name, with suggestions as
     * the user types, instead of listing every client: 10,000 options made it 68 ms at 10,000 clients
     * (bench/README.md, "Pages", growth), and no one scrolls a list that long.
     */
    static final int LISTED_CLIENTS = 300;

    /** Suggestions for the name typed in the incident form: at most this many. */
    static final int SUGGESTIONS = 20;

    /** The clients whose names contain what was typed (htmx fills the form's datalist with them). */
    @GetMapping("/incidents/client-options")
    String clientOptions(@RequestParam(defaultValue = "") String clientName, Model model) {
        String typed = clientName.strip().toLowerCase(Locale.ROOT);
        model.addAttribute("options", typed.isEmpty() ? List.of() : choosable().stream()
                .filter(c -> c.name().toLowerCase(Locale.ROOT).contains(typed)).limit(SUGGESTIONS).toList());
        return LIST + " :: clientOptions";
    }

    @PostMapping("/incidents")
    String log(@ModelAttribute IncidentForm incidentForm, BindingResult result,
            @RequestParam(required = false) String clientName,
            @RequestParam(required = false) String returnTo, Authentication authentication, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        model.addAttribute("clientName", clientName);
        if (result.hasErrors()) {
            // The binder refused a value no field of the form produces (a client id that is not a
            // number, a NUL character): the form comes back with the reason, and the status says
            // the request was bad. The form's target may be missing then, so no rejectValue here.
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return listPage(model, null, authentication);
        }
        Long clientId = incidentForm.clientId();
        if (clientId == null && clientName != null && !clientName.isBlank()) {
            // The form of a big portfolio names the client: an active one, whatever the case.
            clientId = choosable().stream().filter(c -> c.name().equalsIgnoreCase(clientName.strip()))
                    .map(ClientFacts::id).findFirst().orElse(null);
            if (clientId == null) {
                result.rejectValue("clientId", "incident.client.unknown", new Object[] { clientName.strip() },
                        "incident.client.unknown");
            }
        }
        else if (clientId == null) {
            result.rejectValue("clientId", "incident.client.required");
        }
        if (!result.hasErrors()) {
            try {
                incidents.log(clientId, incidentForm, authentication.getName());
                redirect.addFlashAttribute("message", "incident.logged");
                return "client".equals(returnTo) ? "redirect:/clients/" + clientId : "redirect:/incidents";
            }
            catch (InvalidInput invalid) {
                for (FieldProblem p : invalid.problems()) {
                    result.rejectValue(p.field(), p.code(), p.args().toArray(), p.code());
                }
            }
        }
        return listPage(model, null, authentication);
    }

    @GetMapping("/clients/{id}/incidents")
    String ofClient(@PathVariable long id, @RequestHeader(name = "HX-Request", required = false) String htmx,
            Authentication authentication, Model model) {
        ClientFacts client = clients.byId(id).orElseThrow(() -> new ClientNotFound(id));
        model.addAttribute("client", client);
        model.addAttribute("incidents", incidents.list(id, visibleOnlyTo(authentication)));
        model.addAttribute("incidentForm", IncidentForm.empty(id, LocalDate.now(clock)));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("owner", ClientAccess.isOwner(authentication));
        return htmx != null ? CLIENT_SECTION + " :: incidents" : CLIENT_SECTION;
    }

    @PostMapping("/incidents/{id}/delete")
    @PreAuthorize("hasRole('OWNER')")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        incidents.delete(id);
        redirect.addFlashAttribute("message", "incident.deleted");
        return "redirect:/incidents";
    }

    private String listPage(Model model, Long client, Authentication authentication) {
        model.addAttribute("incidents", incidents.list(client, visibleOnlyTo(authentication)));
        List<ClientFacts> choosable = choosable();
        boolean byName = choosable.size() > LISTED_CLIENTS;
        model.addAttribute("clientByName", byName);
        model.addAttribute("clients", byName ? List.of() : choosable);
        model.addAttribute("client", client);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("owner", ClientAccess.isOwner(authentication));
        model.addAttribute("seesAll", ClientAccess.seesFinancials(authentication));
        return LIST;
    }

    /** The clients an incident may be logged about, by name: every client not offboarded. */
    private List<ClientFacts> choosable() {
        return clients.all().stream().filter(c -> c.status() != ClientStatus.OFFBOARDED)
                .sorted(Comparator.comparing(c -> c.name().toLowerCase(Locale.ROOT))).toList();
    }

    /** Staff see only the incidents they logged themselves. */
    static String visibleOnlyTo(Authentication authentication) {
        return ClientAccess.seesFinancials(authentication) ? null : authentication.getName();
    }

}
