package io.tienda.user.account.domain;

import io.tienda.platform.core.Roles;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Which roles exist, and what an admin may not do to their own account. */
public final class AccountRoles {

    public static final List<String> ALL = List.of(Roles.CUSTOMER, Roles.SUPPORT, Roles.MANAGER, Roles.ADMIN,
            Roles.ANALYST);

    private AccountRoles() {
    }

    /** Null is no role (and {@link List#of} lists throw when asked whether they contain null). */
    public static boolean known(String role) {
        return role != null && ALL.contains(role);
    }

    /** Roles in a stable order (the order of {@link #ALL}), without duplicates. */
    public static List<String> normalized(Set<String> roles) {
        return ALL.stream().filter(roles::contains).toList();
    }

    /**
     * Why an admin may not make this change to their own account, or null when they may. An admin
     * who demoted or deactivated themselves by mistake could lock the shop out of administration.
     */
    public static String selfChangeRefusal(UUID actor, UUID target, List<String> newRoles, UserStatus newStatus) {
        if (!actor.equals(target)) {
            return null;
        }
        if (newRoles != null && !newRoles.contains(Roles.ADMIN)) {
            return "You cannot remove your own ADMIN role; ask another admin";
        }
        if (newStatus != null && newStatus != UserStatus.ACTIVE) {
            return "You cannot deactivate your own account; ask another admin";
        }
        return null;
    }
}
