package com.mspscorecard.offboarding;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1}: offboarding cases, their checklist items and price-raise proposals, with the
 * same rules as the pages (the owner decides; account managers work their clients' items; anyone
 * ticks the items assigned to them). A refusal is a problem+json in English with its {@code code}.
 */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("hasAnyRole('OWNER','ACCOUNT_MANAGER','STAFF')")
@Tag(name = "Offboarding and price proposals")
class OffboardingApiController {

    private final OffboardingService cases;
    private final PriceProposals proposals;
    private final MessageSource messages;

    OffboardingApiController(OffboardingService cases, PriceProposals proposals, MessageSource messages) {
        this.cases = cases;
        this.proposals = proposals;
        this.messages = messages;
    }

    record CaseJson(long id, long clientId, String clientName, String state, String decision, String reasons,
            LocalDate exitDate, String letterLanguage, String letter, String withdrawReason, String openedBy,
            Instant openedAt, String closedBy, Instant closedAt, int version, List<ItemJson> items) {
    }

    record ItemJson(long id, int position, String title, String assignee, LocalDate dueOn, boolean done,
            String doneBy, Instant doneAt, int version) {
    }

    record OpenCase(String decision, String reasons, LocalDate exitDate, Boolean confirmEarly, String letterLanguage,
            String letter) {
    }

    record Tick(Boolean done, Integer version) {
    }

    record Close(Integer version, String reason, Boolean accepted) {
    }

    record ProposalJson(long id, long clientId, String clientName, String state, BigDecimal currentPrice,
            BigDecimal proposedPrice, BigDecimal increase, BigDecimal increasePercent, LocalDate effectiveOn,
            String letterLanguage, String letter, String withdrawReason, boolean applied, int version) {
    }

    record OpenProposal(BigDecimal currentPrice, BigDecimal proposedPrice, LocalDate effectiveOn, String letterLanguage,
            String letter) {
    }

    @GetMapping("/offboarding-cases")
    @PreAuthorize("hasAnyRole('OWNER','ACCOUNT_MANAGER')")
    @Operation(summary = "Open offboarding cases")
    List<CaseJson> openCases() {
        return cases.openCases().stream().map(k -> json(k, List.of())).toList();
    }

    @GetMapping("/clients/{clientId}/offboarding-cases")
    @PreAuthorize("hasAnyRole('OWNER','ACCOUNT_MANAGER')")
    @Operation(summary = "A client's offboarding cases, newest first")
    List<CaseJson> ofClient(@PathVariable long clientId) {
        return cases.ofClient(clientId).stream().map(k -> json(k, List.of())).toList();
    }

    @GetMapping("/offboarding-cases/{caseId}")
    @PreAuthorize("hasAnyRole('OWNER','ACCOUNT_MANAGER')")
    @Operation(summary = "One case with its checklist")
    CaseJson one(@PathVariable long caseId) {
        return json(cases.get(caseId), cases.items(caseId));
    }

    @PostMapping("/clients/{clientId}/offboarding-cases")
    @PreAuthorize("hasRole('OWNER')")
    @Operation(summary = "Open an offboarding case (owner); the client becomes OFFBOARDING")
    ResponseEntity<CaseJson> open(@PathVariable long clientId, @RequestBody OpenCase body, Authentication authentication) {
        CaseForm form = new CaseForm();
        form.setDecision(body.decision());
        form.setReasons(body.reasons());
        form.setExitDate(body.exitDate());
        form.setConfirmEarly(Boolean.TRUE.equals(body.confirmEarly()));
        form.setLetterLanguage(body.letterLanguage());
        form.setLetter(body.letter());
        long id = cases.open(clientId, form, cases.actor(authentication.getName()));
        return ResponseEntity.created(URI.create("/api/v1/offboarding-cases/" + id)).body(one(id));
    }

    @GetMapping("/offboarding-tasks")
    @Operation(summary = "The open cases' checklist items assigned to the caller")
    List<ItemJson> myTasks(Authentication authentication) {
        return cases.assignedTo(cases.actor(authentication.getName())).stream().map(OffboardingApiController::json).toList();
    }

    @PostMapping("/offboarding-cases/{caseId}/items/{itemId}")
    @Operation(summary = "Tick or untick a checklist item; version is the item's version you read (409 when stale)")
    ItemJson tick(@PathVariable long caseId, @PathVariable long itemId, @RequestBody Tick body,
            Authentication authentication) {
        if (body.done() == null || body.version() == null) {
            throw CaseProblem.of("done", "api.doneAndVersion.required");
        }
        cases.tick(caseId, itemId, body.version(), body.done(), cases.actor(authentication.getName()));
        return cases.items(caseId).stream().filter(i -> i.id() == itemId).map(OffboardingApiController::json)
                .findFirst().orElseThrow();
    }

    @PostMapping("/offboarding-cases/{caseId}/complete")
    @PreAuthorize("hasRole('OWNER')")
    @Operation(summary = "Complete a case: the client is OFFBOARDED from its exit date")
    CaseJson complete(@PathVariable long caseId, @RequestBody Close body, Authentication authentication) {
        cases.complete(caseId, version(body), cases.actor(authentication.getName()));
        return one(caseId);
    }

    @PostMapping("/offboarding-cases/{caseId}/withdraw")
    @PreAuthorize("hasRole('OWNER')")
    @Operation(summary = "Withdraw a case with a reason: the client is ACTIVE again")
    CaseJson withdraw(@PathVariable long caseId, @RequestBody Close body, Authentication authentication) {
        cases.withdraw(caseId, version(body), body.reason(), cases.actor(authentication.getName()));
        return one(caseId);
    }

    @GetMapping("/clients/{clientId}/price-proposals")
    @PreAuthorize("hasAnyRole('OWNER','ACCOUNT_MANAGER')")
    @Operation(summary = "A client's price-raise proposals, newest first")
    List<ProposalJson> proposalsOf(@PathVariable long clientId) {
        return proposals.ofClient(clientId).stream().map(OffboardingApiController::json).toList();
    }

    @GetMapping("/price-proposals/{proposalId}")
    @PreAuthorize("hasAnyRole('OWNER','ACCOUNT_MANAGER')")
    @Operation(summary = "One price-raise proposal")
    ProposalJson proposal(@PathVariable long proposalId) {
        return json(proposals.get(proposalId));
    }

    @PostMapping("/clients/{clientId}/price-proposals")
    @PreAuthorize("hasRole('OWNER')")
    @Operation(summary = "Propose a new monthly price (owner)")
    ResponseEntity<ProposalJson> propose(@PathVariable long clientId, @RequestBody OpenProposal body,
            Authentication authentication) {
        long id = proposals.open(clientId, body.currentPrice(), body.proposedPrice(), body.effectiveOn(),
                body.letterLanguage(), body.letter(), cases.actor(authentication.getName()));
        return ResponseEntity.created(URI.create("/api/v1/price-proposals/" + id)).body(proposal(id));
    }

    @PostMapping("/price-proposals/{proposalId}/answer")
    @PreAuthorize("hasRole('OWNER')")
    @Operation(summary = "Record the client's answer: accepted (the fee changes on the effective date) or declined")
    ProposalJson answer(@PathVariable long proposalId, @RequestBody Close body, Authentication authentication) {
        if (body.accepted() == null) {
            throw CaseProblem.of("accepted", "api.accepted.required");
        }
        proposals.answer(proposalId, version(body), body.accepted(), cases.actor(authentication.getName()));
        return proposal(proposalId);
    }

    @PostMapping("/price-proposals/{proposalId}/withdraw")
    @PreAuthorize("hasRole('OWNER')")
    @Operation(summary = "Withdraw a proposal with a reason")
    ProposalJson withdrawProposal(@PathVariable long proposalId, @RequestBody Close body, Authentication authentication) {
        proposals.withdraw(proposalId, version(body), body.reason(), cases.actor(authentication.getName()));
        return proposal(proposalId);
    }

    @ExceptionHandler(CaseProblem.class)
    ResponseEntity<ProblemDetail> refused(CaseProblem problem) {
        HttpStatus status = problem.conflict || problem.field == null ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(status,
                messages.getMessage(problem.code, problem.args.toArray(), problem.code, Locale.ENGLISH));
        detail.setTitle(status == HttpStatus.CONFLICT ? "Refused" : "Invalid input");
        detail.setProperty("code", problem.code);
        if (problem.field != null) {
            detail.setProperty("field", problem.field.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(detail);
    }

    private static int version(Close body) {
        if (body.version() == null) {
            throw CaseProblem.of("version", "api.version.required");
        }
        return body.version();
    }

    private static CaseJson json(OffboardingCase k, List<ChecklistItem> items) {
        return new CaseJson(k.id(), k.clientId(), k.clientName(), k.state(), k.decision(), k.reasons(), k.exitDate(),
                k.letterLanguage(), k.letter(), k.withdrawReason(), k.openedBy(), k.openedAt(), k.closedBy(),
                k.closedAt(), k.version(), items.stream().map(OffboardingApiController::json).toList());
    }

    private static ItemJson json(ChecklistItem i) {
        return new ItemJson(i.id(), i.position(), i.title(), i.assignee(), i.dueOn(), i.done(), i.doneBy(), i.doneAt(),
                i.version());
    }

    private static ProposalJson json(PriceProposal p) {
        BigDecimal fraction = p.increaseFraction();
        return new ProposalJson(p.id(), p.clientId(), p.clientName(), p.state(), p.currentPrice(), p.proposedPrice(),
                p.increase(), fraction == null ? null : fraction.movePointRight(2), p.effectiveOn(), p.letterLanguage(),
                p.letter(), p.withdrawReason(), p.applied(), p.version());
    }
}
