package io.tienda.cart.pricing.remote;

import io.tienda.cart.pricing.PricingProperties;
import io.tienda.cart.pricing.domain.CouponOutcome;
import io.tienda.cart.pricing.domain.PriceList;
import io.tienda.cart.pricing.domain.PricingItem;
import io.tienda.cart.pricing.domain.ProductName;
import io.tienda.cart.pricing.domain.Quote;
import io.tienda.cart.pricing.domain.QuotedLine;
import io.tienda.platform.events.EventJson;
import io.tienda.platform.events.Money;
import io.tienda.platform.http.ResilientCalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.util.List;
import java.util.Optional;

/**
 * product-service's bulk pricing ({@code POST /api/v1/pricing}) through discovery, with the
 * platform's resilience: the client's connect/read timeouts, retries (pricing is a read, safe to
 * repeat) and a circuit breaker named {@value #DEPENDENCY}. Any failure answers empty: the cart then
 * shows its last-known prices, marked stale. The shopper's own bearer token is forwarded so that a
 * coupon's per-customer limit counts their uses.
 */
@Component
class ProductServicePrices implements PriceList {

    static final String DEPENDENCY = "product-service";
    private static final Logger log = LoggerFactory.getLogger(ProductServicePrices.class);

    private final RestClient client;
    private final ResilientCalls calls;

    ProductServicePrices(@LoadBalanced RestClient.Builder services, ResilientCalls calls,
            PricingProperties properties) {
        this.client = services.baseUrl(properties.catalogUrl().toString()).build();
        this.calls = calls;
    }

    @Override
    public Optional<Quote> price(List<PricingItem> items, String couponCode) {
        PricingRequest request = new PricingRequest(
                items.stream().map(item -> new RequestItem(item.sku(), item.quantity())).toList(), couponCode);
        String bearer = bearerToken();
        return calls.idempotent(DEPENDENCY, () -> Optional.of(fetch(request, bearer)), failure -> {
            log.warn("product-service could not price a cart of {} line(s); answering last-known prices: {}",
                    items.size(), failure.toString());
            return Optional.empty();
        });
    }

    private Quote fetch(PricingRequest request, String bearer) {
        String body = client.post().uri("/api/v1/pricing")
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    if (bearer != null) {
                        headers.setBearerAuth(bearer);
                    }
                })
                .body(EventJson.write(request))
                .retrieve()
                .body(String.class);
        if (body == null) {
            throw new IllegalStateException("product-service answered an empty body");
        }
        return EventJson.read(body, QuoteBody.class).toQuote();
    }

    private static String bearerToken() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth instanceof JwtAuthenticationToken jwt ? jwt.getToken().getTokenValue() : null;
    }

    record PricingRequest(List<RequestItem> items, String couponCode) {
    }

    record RequestItem(String sku, int quantity) {
    }

    /** product-service's QuoteResponse; fields it adds later are ignored. */
    record QuoteBody(String currency, List<LineBody> lines, TotalsBody totals, CouponBody coupon) {

        Quote toQuote() {
            if (currency == null || lines == null || totals == null) {
                throw new IllegalStateException("product-service answered a quote without currency, lines or totals");
            }
            return new Quote(currency, lines.stream().map(LineBody::toLine).toList(), totals.subtotal(),
                    totals.offerDiscount(), totals.couponDiscount(), totals.total(),
                    coupon == null ? null : new CouponOutcome(coupon.code(), coupon.applied(), coupon.reason(),
                            coupon.discount(), coupon.minimumOrder()));
        }
    }

    record LineBody(String sku, int quantity, boolean available, String reason, String productId, NameBody name,
            Boolean inStock, Money unitPrice, Money subtotal, OfferBody offer, Money couponDiscount, Money discount,
            Money lineTotal) {

        QuotedLine toLine() {
            if (!available) {
                return QuotedLine.unavailable(sku, quantity, reason == null ? "unknown" : reason);
            }
            return new QuotedLine(sku, quantity, true, null, productId,
                    name == null ? null : new ProductName(name.es(), name.en()), inStock, unitPrice, subtotal,
                    offer == null ? null : offer.name(), offer == null ? zero(unitPrice) : offer.discount(),
                    couponDiscount == null ? zero(unitPrice) : couponDiscount, discount, lineTotal);
        }

        private static Money zero(Money like) {
            return Money.of(0, like.currency());
        }
    }

    record NameBody(String es, String en) {
    }

    record OfferBody(String id, String name, Money discount) {
    }

    record TotalsBody(Money subtotal, Money offerDiscount, Money couponDiscount, Money discount, Money total) {
    }

    record CouponBody(String code, boolean applied, String reason, String offerId, String name, Money discount,
            Money minimumOrder) {
    }
}
