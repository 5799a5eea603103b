package com.mspscorecard.audit;

import java.time.LocalDate;
import java.util.Locale;

import com.mspscorecard.audit.internal.AuditEntry;
import com.mspscorecard.audit.internal.AuditSentences;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

@Controller
@PreAuthorize("hasRole('OWNER')")
class AuditController {

    static final String VIEW = "audit/list";

    private static final int PAGE_SIZE = 50;

    /** The row offset of a page is an int in the query. */
    private static final int LAST_REACHABLE_PAGE = Integer.MAX_VALUE / PAGE_SIZE - 1;

    private final AuditTrail auditTrail;

    private final AuditSentences sentences;

    AuditController(AuditTrail auditTrail, AuditSentences sentences) {
        this.auditTrail = auditTrail;
        this.sentences = sentences;
    }

    @GetMapping("/audit")
    String list(@RequestParam(required = false) String client, @RequestParam(required = false) String actor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        // A page past the last one is an address that leads nowhere: 404, not an empty table. Far
        // past it, the row offset would not even fit the query (it used to fail with a 500).
        if (page > LAST_REACHABLE_PAGE) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Page<AuditEntry> entries = auditTrail.search(actor, client, from, to,
                PageRequest.of(Math.max(page, 0), PAGE_SIZE));
        if (page > 0 && page >= entries.getTotalPages()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("entries", entries);
        model.addAttribute("rows", entries.getContent().stream().map(e -> sentences.row(e, locale)).toList());
        model.addAttribute("client", client);
        model.addAttribute("actor", actor);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return VIEW;
    }
}
