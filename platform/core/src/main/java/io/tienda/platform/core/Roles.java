package io.tienda.platform.core;

import java.util.Set;

/**
 * The roles a Tienda access token can carry in its {@code roles} claim, and the groups of them the
 * fleet grants things to. Every service and the gateway take their role sets from here, so that
 * "staff" means the same people everywhere; the {@code HAS_*} strings are the same sets as method
 * security expressions, for {@code @PreAuthorize}.
 */
public final class Roles {

    public static final String CUSTOMER = "CUSTOMER";
    public static final String SUPPORT = "SUPPORT";
    public static final String MANAGER = "MANAGER";
    public static final String ADMIN = "ADMIN";
    public static final String ANALYST = "ANALYST";

    /** Every role an account may hold. */
    public static final Set<String> ALL = Set.of(CUSTOMER, SUPPORT, MANAGER, ADMIN, ANALYST);

    /** Staff who may read and act on other people's resources in their area (orders, returns, tickets). */
    public static final Set<String> STAFF = Set.of(SUPPORT, MANAGER, ADMIN);

    /** Staff who may change the catalog, offers and stock. */
    public static final Set<String> EDITORS = Set.of(MANAGER, ADMIN);

    /** Who may read the analytics reports. */
    public static final Set<String> ANALYSTS = Set.of(ANALYST, ADMIN);

    public static final String HAS_STAFF = "hasAnyRole('SUPPORT','MANAGER','ADMIN')";
    public static final String HAS_EDITOR = "hasAnyRole('MANAGER','ADMIN')";
    public static final String HAS_ANALYST = "hasAnyRole('ANALYST','ADMIN')";
    public static final String HAS_STAFF_OR_ANALYST = "hasAnyRole('SUPPORT','MANAGER','ADMIN','ANALYST')";
    public static final String HAS_ADMIN = "hasRole('ADMIN')";
    public static final String HAS_CUSTOMER = "hasRole('CUSTOMER')";
    /** Customers acting for themselves and staff acting for them, e.g. redeeming a coupon for an order. */
    public static final String HAS_CUSTOMER_OR_STAFF = "hasAnyRole('CUSTOMER','SUPPORT','MANAGER','ADMIN')";

    private Roles() {
    }

    /** STAFF as an array, for varargs checks such as {@code CurrentUser.hasAnyRole}. */
    public static String[] staff() {
        return STAFF.toArray(String[]::new);
    }

    public static String[] editors() {
        return EDITORS.toArray(String[]::new);
    }
}
