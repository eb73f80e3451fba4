package io.tienda.platform.security;

import java.util.Set;

/** The roles a Tienda access token can carry in its {@code roles} claim. */
public final class Roles {

    public static final String CUSTOMER = "CUSTOMER";
    public static final String SUPPORT = "SUPPORT";
    public static final String MANAGER = "MANAGER";
    public static final String ADMIN = "ADMIN";
    public static final String ANALYST = "ANALYST";

    /** Staff who may act on other people's resources in their area. */
    public static final Set<String> STAFF = Set.of(SUPPORT, MANAGER, ADMIN);

    private Roles() {
    }
}
