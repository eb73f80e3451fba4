package io.tienda.analytics.facts.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.analytics.facts.Backfill;
import io.tienda.analytics.facts.domain.BackfillStatus;
import io.tienda.platform.core.Roles;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/analytics/backfill")
@Tag(name = "Analytics", description = "Sales reports for analysts")
class BackfillResource {

    private final Backfill backfill;

    BackfillResource(Backfill backfill) {
        this.backfill = backfill;
    }

    @PostMapping
    @PreAuthorize(Roles.HAS_ADMIN)
    @Operation(summary = "Rebuild the facts from the event topics",
            description = "Empties the fact tables and replays every event topic from its beginning in the "
                    + "background; 202 with the status, 409 while a backfill runs. Admins only.")
    ResponseEntity<BackfillStatus> start() {
        return ResponseEntity.accepted().body(backfill.start());
    }

    @GetMapping
    @PreAuthorize(Roles.HAS_ADMIN)
    @Operation(summary = "Progress of the last backfill", description = "Admins only.")
    BackfillStatus status() {
        return backfill.status();
    }
}
