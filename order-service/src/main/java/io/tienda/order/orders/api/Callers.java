package io.tienda.order.orders.api;

import io.tienda.order.orders.domain.Caller;
import io.tienda.platform.core.Roles;
import io.tienda.platform.security.CurrentUser;

/** Who is asking, from the request's token, for the ownership rules of the application services. */
public final class Callers {

    private Callers() {
    }

    public static Caller of(CurrentUser currentUser) {
        return new Caller(currentUser.requireId(), currentUser.hasAnyRole(Roles.STAFF));
    }
}
