package io.tienda.returns.requests.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.platform.security.CurrentUser;
import io.tienda.platform.core.Roles;
import io.tienda.platform.core.Page;
import io.tienda.returns.requests.persistence.ReturnRepository;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Returns", description = "Returns and exchanges of delivered orders")
@RestController
@RequestMapping("/api/v1/returns")
class ReturnResource {

    private final ReturnRepository returns;
    private final CurrentUser currentUser;

    ReturnResource(ReturnRepository returns, CurrentUser currentUser) {
        this.returns = returns;
        this.currentUser = currentUser;
    }

    @Operation(summary = "List returns, newest first",
            description = "A customer sees their own returns; staff (SUPPORT, MANAGER, ADMIN) see everyone's.")
    @GetMapping
    public Page<ReturnView> list(
            @Parameter(description = "page number, from 0") @RequestParam(defaultValue = "0")
            @PositiveOrZero @Max(Page.MAX_PAGE) int page,
            @Parameter(description = "returns per page") @RequestParam(defaultValue = Page.DEFAULT_SIZE)
            @Min(1) @Max(Page.MAX_SIZE) int size) {
        String caller = currentUser.requireId();
        String customer = currentUser.isStaff() ? null : caller;
        return new Page<>(returns.find(customer, Page.offset(page, size), size), page, size, returns.count(customer))
                .map(ReturnView::of);
    }
}
