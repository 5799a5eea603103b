package com.mspscorecard.contracts;

import java.time.LocalDate;
import java.util.List;

import com.mspscorecard.clients.ClientAccess;
import com.mspscorecard.users.UserDirectory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/deadlines}: the deadlines page as JSON (account managers: their own clients unless {@code all=true}). */
@RestController
@PreAuthorize("hasAnyRole('OWNER','ACCOUNT_MANAGER')")
@Tag(name = "Contract deadlines")
class DeadlinesApiController {

    private final ContractDeadlines deadlines;
    private final UserDirectory users;

    DeadlinesApiController(ContractDeadlines deadlines, UserDirectory users) {
        this.deadlines = deadlines;
        this.users = users;
    }

    record DeadlineJson(long clientId, String clientName, LocalDate renewal, LocalDate noticeBy, LocalDate nextExit,
            boolean autoRenew, boolean noticePassed, String recommendation, boolean flagged) {
    }

    @GetMapping("/api/v1/deadlines")
    @Operation(summary = "Notice deadlines and renewals of the next 90 days, flagged clients first")
    List<DeadlineJson> deadlines(@RequestParam(defaultValue = "false") boolean all, Authentication authentication) {
        Long managerId = ClientAccess.isOwner(authentication) || all ? null
                : users.byUsername(authentication.getName()).map(u -> u.id()).orElse(-1L);
        LocalDate today = deadlines.today();
        return deadlines.upcoming(managerId).stream().map(r -> new DeadlineJson(r.clientId(), r.clientName(),
                r.deadline().renewal(), r.deadline().noticeBy(), r.deadline().nextExit(), r.deadline().renews(),
                r.deadline().noticePassed(today), r.recommendation(), r.flagged())).toList();
    }
}
