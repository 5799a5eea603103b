package com.mspscorecard.incidents;

import java.net.URI;
import java.time.LocalDate;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/clients/{id}/incidents}: any role logs a red-flag incident. */
@RestController
@PreAuthorize("hasAnyRole('OWNER','ACCOUNT_MANAGER','STAFF')")
class IncidentApiController {

    private final IncidentService incidents;

    IncidentApiController(IncidentService incidents) {
        this.incidents = incidents;
    }

    record IncidentRequest(LocalDate occurredOn, IncidentCategory category, String description) {
    }

    record IncidentJson(long id, long clientId, LocalDate occurredOn, IncidentCategory category, String description,
            String loggedBy) {
    }

    @PostMapping("/api/v1/clients/{id}/incidents")
    ResponseEntity<IncidentJson> log(@PathVariable long id, @RequestBody IncidentRequest request,
            Authentication authentication) {
        IncidentForm form = new IncidentForm(id, request.occurredOn(), request.category(), request.description());
        long incidentId = incidents.log(id, form, authentication.getName());
        return ResponseEntity.created(URI.create("/api/v1/clients/" + id + "/incidents/" + incidentId))
                .body(new IncidentJson(incidentId, id, form.occurredOn(), form.category(),
                        form.description().strip(), authentication.getName()));
    }
}
