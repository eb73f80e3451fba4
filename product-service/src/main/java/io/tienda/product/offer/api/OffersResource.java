package io.tienda.product.offer.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.platform.core.Page;
import io.tienda.platform.core.Roles;
import io.tienda.platform.problem.DomainException;
import io.tienda.platform.problem.ProblemType;
import io.tienda.platform.security.CurrentUser;
import io.tienda.product.offer.OfferAdministration;
import io.tienda.product.offer.domain.Offer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;

@RestController
@RequestMapping("/api/v1/offers")
@Tag(name = "Offers", description = "Promotions and coupons")
class OffersResource {

    private final OfferAdministration administration;
    private final CurrentUser currentUser;
    private final Clock clock;

    OffersResource(OfferAdministration administration, CurrentUser currentUser, Clock clock) {
        this.administration = administration;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "List the offers live now",
            description = "Active offers whose window contains the current time, most recently started first. "
                    + "Coupon offers are listed with requiresCoupon; their code only when the offer is featured. "
                    + "Public: no token needed.")
    Page<OfferResponse> live(
            @Parameter(description = "Zero-based page number")
            @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @Parameter(description = "Offers per page, 1 to 100")
            @RequestParam(defaultValue = Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return administration.liveNow(page, size).map(OfferResponse::of);
    }

    @GetMapping("/all")
    @Operation(summary = "List every offer (MANAGER, ADMIN)",
            description = "Live, future, ended and withdrawn offers with their coupons and usage, most recently "
                    + "started first.")
    Page<OfferDetails> all(
            @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @RequestParam(defaultValue = Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        requireEditor();
        return administration.all(page, size).map(OfferDetails::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One offer with its coupon and usage (MANAGER, ADMIN)")
    OfferDetails get(@PathVariable @Size(max = 64) String id) {
        requireEditor();
        return OfferDetails.of(administration.get(id));
    }

    @PostMapping
    @PreAuthorize(Roles.HAS_EDITOR)
    @Operation(summary = "Create an offer (MANAGER, ADMIN)",
            description = "400 lists the broken rules (window order, percentage 1-100, fixed amount positive in EUR, "
                    + "coupon code pattern); 422 names unknown products, SKUs or categories; 409 when another offer "
                    + "has the coupon code.")
    public ResponseEntity<OfferDetails> create(@Valid @RequestBody OfferRequest request) {
        Offer offer = administration.create(request.toDraft(clock));
        return ResponseEntity.created(URI.create("/api/v1/offers/" + offer.id())).body(OfferDetails.of(offer));
    }

    @PutMapping("/{id}")
    @PreAuthorize(Roles.HAS_EDITOR)
    @Operation(summary = "Replace an offer (MANAGER, ADMIN)",
            description = "Same body and rules as creating; the coupon keeps its uses. A used coupon's code cannot "
                    + "change or go (409 coupon-in-use).")
    public OfferDetails replace(@PathVariable @Size(max = 64) String id, @Valid @RequestBody OfferRequest request) {
        return OfferDetails.of(administration.update(id, request.toDraft(clock)));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize(Roles.HAS_EDITOR)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Withdraw an offer (MANAGER, ADMIN)",
            description = "Deactivates it; it stays for the orders and coupon uses that refer to it. Repeating is "
                    + "harmless.")
    public void deactivate(@PathVariable @Size(max = 64) String id) {
        administration.deactivate(id);
    }

    /** GETs under /api/v1/offers are public routes, so the staff ones say 401 and 403 themselves. */
    private void requireEditor() {
        currentUser.requireId();
        if (!currentUser.hasAnyRole(Roles.EDITORS)) {
            throw new DomainException(ProblemType.FORBIDDEN, "You may not do this");
        }
    }
}
