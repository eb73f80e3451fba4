package io.tienda.analytics;

import io.tienda.platform.core.Roles;

/**
 * Who reads the reports: analysts and admins ({@link Roles#HAS_ANALYST}) and store managers, who run
 * the shop from the staff dashboard. Built from the platform's expressions, not spelled again.
 */
public final class AnalyticsAccess {

    public static final String READERS = Roles.HAS_ANALYST + " or hasRole('" + Roles.MANAGER + "')";

    private AnalyticsAccess() {
    }
}
