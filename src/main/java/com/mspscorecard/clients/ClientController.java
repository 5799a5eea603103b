package com.mspscorecard.clients;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.mspscorecard.numbers.NumberBinding;
import com.mspscorecard.users.UserDirectory;
import com.mspscorecard.users.UserSummary;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The clients pages. Every role sees the list and a client's page; only owners and account
 * managers see figures and may create or edit (staff see names only).
 */
@Controller
@RequestMapping("/clients")
@PreAuthorize("hasAnyRole('OWNER','ACCOUNT_MANAGER','STAFF')")
class ClientController {

    static final String LIST = "clients/list";

    static final String FORM = "clients/form";

    static final String SHOW = "clients/show";

    private final ClientService clients;

    private final UserDirectory users;

    private final ClientListing listing;

    ClientController(ClientService clients, UserDirectory users, ClientListing listing) {
        this.clients = clients;
        this.users = users;
        this.listing = listing;
    }

    /** Money and counts as people type them in the page's language: {@code 2.500,00} in Italian. */
    @InitBinder("clientForm")
    void numbers(WebDataBinder binder, Locale locale) {
        NumberBinding.register(binder, locale, 2, BigDecimal.class, "contractMrr");
        NumberBinding.register(binder, locale, 0, Integer.class, "endpoints", "noticePeriodDays");
    }

    @ModelAttribute("statuses")
    ClientStatus[] statuses() {
        return ClientStatus.values();
    }

    @ModelAttribute("paymentTerms")
    PaymentTerms[] paymentTerms() {
        return PaymentTerms.values();
    }

    /**
     * The clients list, a page at a time ({@code ?page=N}, 1-based; a page past the end shows the
     * last one, anything unreadable the first).
     */
    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
            @RequestParam(required = false) Long manager, @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "false") boolean desc, @RequestParam(required = false) String page,
            Authentication authentication, Model model) {
        boolean financials = ClientAccess.seesFinancials(authentication);
        // Staff see the names of current clients only: no filters on figures or managers.
        ClientList list = financials ? new ClientList(q, status, manager, sort, desc)
                : new ClientList(q, ClientList.CURRENT, null, "name", false);
        model.addAttribute("list", list);
        model.addAttribute("page", listing.page(list, ClientListPage.requested(page),
                financials ? managerNames() : Map.of()));
        model.addAttribute("managers", financials ? users.accountManagers() : List.of());
        model.addAttribute("financials", financials);
        return LIST;
    }

    @GetMapping("/new")
    @PreAuthorize("hasAnyRole('OWNER','ACCOUNT_MANAGER')")
    String createForm(Authentication authentication, Model model) {
        Long me = users.byUsername(authentication.getName()).filter(u -> u.role().seesFinancials())
                .map(UserSummary::id).orElse(null);
        model.addAttribute("clientForm", ClientForm.empty(me));
        return form(model, null);
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('OWNER','ACCOUNT_MANAGER')")
    String create(@ModelAttribute ClientForm clientForm, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                Client client = clients.create(clientForm);
                redirect.addFlashAttribute("message", "client.created");
                return "redirect:/clients/" + client.getId();
            }
            catch (InvalidInput invalid) {
                reject(result, invalid);
            }
        }
        else {
            rejectOthers(result, clients.problems(clientForm, null));
        }
        return form(model, null);
    }

    /**
     * The client's page opens on its scorecard for those who see figures (served by the
     * dashboard module under the same address); staff see the name and the incidents.
     */
    @GetMapping("/{id}")
    String show(@PathVariable long id, Authentication authentication, Model model) {
        if (ClientAccess.seesFinancials(authentication)) {
            clients.byId(id).orElseThrow(() -> new ClientNotFound(id));
            return "forward:/clients/" + id + "/scorecard";
        }
        return details(id, authentication, model);
    }

    @GetMapping("/{id}/details")
    String details(@PathVariable long id, Authentication authentication, Model model) {
        Client client = clients.byId(id).orElseThrow(() -> new ClientNotFound(id));
        model.addAttribute("client", client);
        model.addAttribute("manager", client.getAccountManagerId() == null ? null
                : users.byId(client.getAccountManagerId()).map(UserSummary::displayName).orElse(null));
        model.addAttribute("financials", ClientAccess.seesFinancials(authentication));
        return SHOW;
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasAnyRole('OWNER','ACCOUNT_MANAGER')")
    String editForm(@PathVariable long id, Model model) {
        Client client = clients.byId(id).orElseThrow(() -> new ClientNotFound(id));
        model.addAttribute("clientForm", client.toForm());
        return form(model, client);
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAnyRole('OWNER','ACCOUNT_MANAGER')")
    String update(@PathVariable long id, @ModelAttribute ClientForm clientForm, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Client client = clients.byId(id).orElseThrow(() -> new ClientNotFound(id));
        if (!result.hasErrors()) {
            try {
                clients.update(id, clientForm);
                redirect.addFlashAttribute("message", "client.saved");
                return "redirect:/clients/" + id;
            }
            catch (InvalidInput invalid) {
                reject(result, invalid);
            }
            catch (ClientConflict conflict) {
                Client current = conflict.current();
                // Keep what they typed, but let a second save be a deliberate overwrite of the newer version.
                ClientForm kept = clientForm.withVersion(current.getVersion());
                model.addAttribute("clientForm", kept);
                model.addAttribute("conflict", differences(current.fields(), kept));
                model.addAttribute("managerNames", managerNames());
                return form(model, current);
            }
        }
        else {
            rejectOthers(result, clients.problems(clientForm, id));
        }
        return form(model, client);
    }

    private String form(Model model, Client client) {
        model.addAttribute("client", client);
        model.addAttribute("managers", users.accountManagers());
        return FORM;
    }

    private Map<Long, String> managerNames() {
        return users.all().stream().collect(Collectors.toMap(UserSummary::id, UserSummary::displayName));
    }

    /** Field by field, what is stored now against what the person submitted. */
    static List<FieldDifference> differences(Map<String, Object> stored, ClientForm submitted) {
        Map<String, Object> yours = new java.util.LinkedHashMap<>();
        yours.put("name", ClientForm.blankToNull(submitted.name()));
        yours.put("externalRef", ClientForm.blankToNull(submitted.externalRef()));
        yours.put("industry", ClientForm.blankToNull(submitted.industry()));
        yours.put("accountManagerId", submitted.accountManagerId());
        yours.put("status", submitted.status());
        yours.put("paymentTerms", submitted.paymentTerms());
        yours.put("contractStart", submitted.contractStart());
        yours.put("contractEnd", submitted.contractEnd());
        yours.put("noticePeriodDays", submitted.noticePeriodDays());
        yours.put("contractMrr", submitted.contractMrr());
        yours.put("endpoints", submitted.endpoints());
        yours.put("notes", ClientForm.blankToNull(submitted.notes()));
        List<FieldDifference> differences = new ArrayList<>();
        Function<Object, String> text = v -> v == null ? "" : v instanceof java.math.BigDecimal d
                ? d.stripTrailingZeros().toPlainString() : v.toString();
        stored.forEach((field, value) -> {
            if (!Objects.equals(text.apply(value), text.apply(yours.get(field)))) {
                differences.add(new FieldDifference(field, value, yours.get(field)));
            }
        });
        return differences;
    }

    /** Shows every broken rule at once, next to fields whose typed value could be read. */
    private static void rejectOthers(BindingResult result, List<FieldProblem> problems) {
        problems.stream().filter(p -> !result.hasFieldErrors(p.field()))
                .forEach(p -> result.rejectValue(p.field(), p.code(), p.args().toArray(), p.code()));
    }

    static void reject(BindingResult result, InvalidInput invalid) {
        for (FieldProblem problem : invalid.problems()) {
            result.rejectValue(problem.field(), problem.code(), problem.args().toArray(), problem.code());
        }
    }
}
