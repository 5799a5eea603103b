package com.mspscorecard.incidents;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;

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

    @PostMapping("/incidents")
    String log(@ModelAttribute IncidentForm incidentForm, BindingResult result,
            @RequestParam(required = false) String returnTo, Authentication authentication, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        if (result.hasErrors()) {
            // The binder refused a value no field of the form produces (a client id that is not a
            // number, a NUL character): the form comes back with the reason, and the status says
            // the request was bad. The form's target may be missing then, so no rejectValue here.
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return listPage(model, null, authentication);
        }
        if (incidentForm.clientId() == null) {
            result.rejectValue("clientId", "incident.client.required");
        }
        if (!result.hasErrors()) {
            try {
                incidents.log(incidentForm.clientId(), incidentForm, authentication.getName());
                redirect.addFlashAttribute("message", "incident.logged");
                return "client".equals(returnTo) ? "redirect:/clients/" + incidentForm.clientId() : "redirect:/incidents";
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
        model.addAttribute("clients", clients.all().stream().filter(c -> c.status() != ClientStatus.OFFBOARDED)
                .sorted(Comparator.comparing(c -> c.name().toLowerCase(Locale.ROOT))).toList());
        model.addAttribute("client", client);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("owner", ClientAccess.isOwner(authentication));
        model.addAttribute("seesAll", ClientAccess.seesFinancials(authentication));
        return LIST;
    }

    /** Staff see only the incidents they logged themselves. */
    static String visibleOnlyTo(Authentication authentication) {
        return ClientAccess.seesFinancials(authentication) ? null : authentication.getName();
    }

}
