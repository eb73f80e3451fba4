package io.tienda.user.account.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.platform.core.Page;
import io.tienda.platform.core.Roles;
import io.tienda.platform.problem.DomainException;
import io.tienda.user.account.AdminUsers;
import io.tienda.user.account.Caller;
import io.tienda.user.account.domain.AccountRoles;
import io.tienda.user.account.domain.User;
import io.tienda.user.account.domain.UserStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Tag(name = "User administration", description = "Finding accounts, changing roles and status (ADMIN)")
@RestController
@RequestMapping("/api/v1/users")
@Validated
@PreAuthorize(Roles.HAS_ADMIN)
class AdminUserResource {

    private final AdminUsers admin;
    private final Caller caller;

    AdminUserResource(AdminUsers admin, Caller caller) {
        this.admin = admin;
        this.caller = caller;
    }

    @Schema(description = "An account as admins see it")
    record UserView(UUID id, String email, String name, List<String> roles, UserStatus status, boolean emailVerified,
            String language, Instant createdAt, Instant updatedAt) {

        static UserView of(User u) {
            return new UserView(u.id(), u.email(), u.name(), u.roles(), u.status(), u.emailVerified(), u.language(),
                    u.createdAt(), u.updatedAt());
        }
    }

    /** A null among the roles is refused field by field (roles[i]) before any role rule reads it. */
    @Schema(description = "Only the fields to change")
    record UserChange(
            @Size(min = 1, max = 5) @Schema(example = "[\"CUSTOMER\",\"SUPPORT\"]") List<@NotNull String> roles,
            @Schema(allowableValues = {"ACTIVE", "DEACTIVATED"}) UserStatus status) {
    }

    @Operation(summary = "Find accounts",
            description = "q matches email or name anywhere, ignoring case; role and status filter. Newest first.")
    @GetMapping
    public Page<UserView> search(@RequestParam(required = false) @Size(max = 254) String q,
            @RequestParam(required = false) String role, @RequestParam(required = false) UserStatus status,
            @RequestParam(defaultValue = "0") @PositiveOrZero @Max(Page.MAX_PAGE) int page,
            @RequestParam(defaultValue = Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        if (role != null && !AccountRoles.known(role)) {
            throw DomainException.invalid("role must be one of " + AccountRoles.ALL);
        }
        return admin.search(q, role, status, page, size).map(UserView::of);
    }

    @Operation(summary = "One account")
    @GetMapping("/{id}")
    public UserView get(@PathVariable UUID id) {
        return UserView.of(admin.get(id));
    }

    @Operation(summary = "Change an account's roles or status",
            description = "Deactivating ends every session of the account. 409 when an admin would remove their "
                    + "own ADMIN role or deactivate themselves, or the account is erased.")
    @PatchMapping("/{id}")
    public UserView change(@PathVariable UUID id, @Valid @RequestBody UserChange body) {
        if (body.roles() != null && !body.roles().stream().allMatch(AccountRoles::known)) {
            throw DomainException.invalid("roles must be among " + AccountRoles.ALL);
        }
        if (body.status() == UserStatus.ERASED) {
            throw DomainException.invalid("status must be ACTIVE or DEACTIVATED; only the owner can erase an account");
        }
        return UserView.of(admin.change(caller.userId(), id, body.roles(), body.status()));
    }
}
