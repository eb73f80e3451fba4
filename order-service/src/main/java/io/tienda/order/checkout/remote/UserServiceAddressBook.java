package io.tienda.order.checkout.remote;

import io.tienda.order.OrderProperties;
import io.tienda.order.checkout.domain.AddressBook;
import io.tienda.order.checkout.domain.CheckoutProblems;
import io.tienda.order.orders.domain.ShippingAddress;
import io.tienda.platform.events.EventJson;
import io.tienda.platform.http.HttpProperties;
import io.tienda.platform.http.ResilientCalls;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * user-service's {@code GET /api/v1/users/me/addresses} (a JSON array of {@code {id, type, name,
 * line1, line2, city, region, postalCode, country, phone, isDefault}}), with the shopper's token: a
 * read, so retried (twice in all, {@code resilience4j.retry.instances.user-service}), behind a breaker,
 * each read cut at {@code tienda.orders.address-book-read-timeout}: with the cart's snapshot after it,
 * a checkout answers within the gateway's response timeout even when user-service hangs.
 */
@Component
class UserServiceAddressBook implements AddressBook {

    private static final String DEPENDENCY = "user-service";

    private final RestClient http;
    private final ResilientCalls calls;

    UserServiceAddressBook(@LoadBalanced RestClient.Builder services, ResilientCalls calls,
            OrderProperties properties, HttpProperties http) {
        this.http = services.requestFactory(http.requestFactory(properties.addressBookReadTimeout()))
                .baseUrl(properties.userService()).build();
        this.calls = calls;
    }

    @Override
    public Optional<ShippingAddress> find(String bearerToken, UUID addressId) {
        JsonNode book = calls.idempotent(DEPENDENCY, () -> http.get().uri("/api/v1/users/me/addresses")
                .headers(h -> h.setBearerAuth(bearerToken))
                .accept(MediaType.APPLICATION_JSON)
                .exchange((request, response) -> {
                    int status = response.getStatusCode().value();
                    if (status >= 500) {
                        throw new IllegalStateException("user-service answered " + status);
                    }
                    if (status != 200) {
                        // No account (404) or another refusal: the address is not theirs to use.
                        return null;
                    }
                    return EventJson.mapper().readTree(
                            new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
                }), e -> {
                    throw CheckoutProblems.unavailable(DEPENDENCY);
                });
        if (book == null || !book.isArray()) {
            return Optional.empty();
        }
        return book.valueStream()
                .filter(a -> addressId.toString().equals(a.path("id").asString("")))
                .findFirst()
                .map(a -> new ShippingAddress(text(a, "name"), text(a, "line1"), text(a, "line2"), text(a, "city"),
                        text(a, "postalCode"), text(a, "country")));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
