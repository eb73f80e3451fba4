package io.tienda.order.saga.remote;

import io.tienda.order.OrderProperties;
import io.tienda.order.saga.domain.CouponLedger;
import io.tienda.platform.events.Money;
import io.tienda.platform.http.ResilientCalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.util.Map;
import java.util.UUID;

/**
 * product-service's coupon redemptions ({@code POST /api/v1/offers/coupons/{code}/redemptions},
 * {@code DELETE .../redemptions/{orderId}}), through discovery, with a breaker. Both are idempotent
 * by order id. The calls happen after the shopper's request, so they carry order-service's own
 * token ({@code tienda.orders.coupons.service-token}, a staff token naming the customer).
 */
@Component
class ProductServiceCoupons implements CouponLedger {

    private static final Logger log = LoggerFactory.getLogger(ProductServiceCoupons.class);

    private final RestClient http;
    private final ResilientCalls calls;
    private final String token;

    ProductServiceCoupons(@LoadBalanced RestClient.Builder services, ResilientCalls calls,
            OrderProperties properties) {
        this.http = services.baseUrl(properties.productService()).build();
        this.calls = calls;
        this.token = properties.coupons().serviceToken();
    }

    @Override
    public Outcome redeem(String code, UUID orderId, String customerId, Money orderTotal) {
        if (token.isBlank()) {
            log.warn("no tienda.orders.coupons.service-token: coupon {} of order {} waits", code, orderId);
            return Outcome.RETRY;
        }
        return calls.once("product-service", () -> http.post()
                .uri("/api/v1/offers/coupons/{code}/redemptions", code)
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("orderId", orderId.toString(), "customerId", customerId, "orderTotal", orderTotal))
                .exchange((request, response) -> outcome(response.getStatusCode().value())), e -> Outcome.RETRY);
    }

    @Override
    public Outcome release(String code, UUID orderId) {
        if (token.isBlank()) {
            return Outcome.RETRY;
        }
        return calls.idempotent("product-service", () -> http.delete()
                .uri("/api/v1/offers/coupons/{code}/redemptions/{order}", code, orderId)
                .headers(h -> h.setBearerAuth(token))
                .exchange((request, response) -> outcome(response.getStatusCode().value())), e -> Outcome.RETRY);
    }

    private static Outcome outcome(int status) {
        if (status >= 200 && status < 300) {
            return Outcome.DONE;
        }
        if (status == 401 || status == 403 || status == 429 || status >= 500) {
            return Outcome.RETRY;
        }
        return Outcome.REFUSED;
    }
}
