package io.tienda.gateway.routing;

import io.tienda.gateway.ratelimit.RateTier;

import java.util.List;

/**
 * The public API in one table: each area is served under {@code /api/v1/<area>} by the service
 * that owns it, under a rate-limit tier. Adding an area is adding a line here.
 */
final class ApiRoutes {

    static final String PRODUCT = "product-service";
    static final String CART = "cart-service";
    static final String ORDER = "order-service";
    static final String PAYMENT = "payment-service";
    static final String USER = "user-service";
    static final String INVENTORY = "inventory-service";
    static final String RETURNS = "returns-service";
    static final String NOTIFICATION = "notification-service";
    static final String ANALYTICS = "analytics-service";

    static final List<String> SERVICES =
            List.of(PRODUCT, CART, ORDER, PAYMENT, USER, INVENTORY, RETURNS, NOTIFICATION, ANALYTICS);

    static final List<ApiArea> AREAS = List.of(
            new ApiArea("products", PRODUCT, RateTier.GENERAL),
            new ApiArea("categories", PRODUCT, RateTier.GENERAL),
            new ApiArea("search", PRODUCT, RateTier.SEARCH),
            new ApiArea("brands", PRODUCT, RateTier.GENERAL),
            new ApiArea("offers", PRODUCT, RateTier.GENERAL),
            new ApiArea("pricing", PRODUCT, RateTier.GENERAL),
            new ApiArea("cart", CART, RateTier.GENERAL),
            new ApiArea("orders", ORDER, RateTier.GENERAL),
            new ApiArea("payments", PAYMENT, RateTier.GENERAL),
            new ApiArea("auth", USER, RateTier.AUTH),
            new ApiArea("users", USER, RateTier.GENERAL),
            new ApiArea("inventory", INVENTORY, RateTier.GENERAL),
            new ApiArea("warehouses", INVENTORY, RateTier.GENERAL),
            new ApiArea("returns", RETURNS, RateTier.GENERAL),
            new ApiArea("notifications", NOTIFICATION, RateTier.GENERAL),
            new ApiArea("tickets", NOTIFICATION, RateTier.GENERAL),
            new ApiArea("templates", NOTIFICATION, RateTier.GENERAL),
            new ApiArea("analytics", ANALYTICS, RateTier.GENERAL));

    /**
     * The staff dashboard: static pages served by analytics-service under this path, which call the API
     * from the same origin. Not under {@code /api}, so it is listed apart from the areas.
     */
    static final String DASHBOARD_PATH = "/dashboard";

    /** Where user-service publishes its token signing keys, for services and clients alike. */
    static final String JWKS_PATH = "/.well-known/jwks.json";

    /** Each service's OpenAPI document is reachable as {@code /v3/api-docs/<service>}. */
    static final String API_DOCS_PATH = "/v3/api-docs";

    private ApiRoutes() {
    }

    record ApiArea(String area, String service, RateTier tier) {

        String path() {
            return "/api/v1/" + area;
        }
    }
}
