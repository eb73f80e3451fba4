package io.tienda.cart.cart.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import io.tienda.cart.cart.domain.PricedCart;
import io.tienda.cart.cart.domain.PricedLine;
import io.tienda.cart.pricing.domain.CouponOutcome;
import io.tienda.cart.pricing.domain.QuotedLine;
import io.tienda.cart.pricing.domain.Totals;
import io.tienda.platform.events.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

@Schema(description = "A cart priced now; amounts in minor units of currency")
record CartView(
        @Schema(description = "u:<subject> or g:<opaque id>; absent when there is no cart yet") String id,
        @Schema(allowableValues = {"user", "guest"}) String owner,
        String currency, List<Item> items, int itemCount, Coupon coupon, Address shippingAddress, TotalsView totals,
        @Schema(description = "true when the catalog could not price the cart and remembered prices are shown")
        boolean stale,
        Instant pricedAt) {

    static CartView of(PricedCart priced, String id) {
        return new CartView(id, id == null || id.startsWith("g:") ? "guest" : "user", priced.currency(),
                priced.lines().stream().map(Item::of).toList(), priced.cart().itemCount(), Coupon.of(priced.coupon()),
                priced.cart().shippingAddress() == null ? null
                        : new Address(priced.cart().shippingAddress().country(),
                                priced.cart().shippingAddress().postcode()),
                TotalsView.of(priced.totals()), priced.stale(), priced.pricedAt());
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "A line; amounts are absent when it was never priced or the SKU is not sold")
    record Item(String sku, int quantity,
            @Schema(allowableValues = {"in_stock", "sold_out", "unavailable", "unknown"}) String availability,
            @Schema(description = "why the SKU is not sold", allowableValues = {"unknown", "inactive", "currency"})
            String reason,
            String productId, Name name, Money unitPrice, Money subtotal, String offer, Money offerDiscount,
            Money couponDiscount, Money discount, Money lineTotal, boolean stale) {

        static Item of(PricedLine line) {
            QuotedLine price = line.price();
            String availability = line.availability().name().toLowerCase(Locale.ROOT);
            if (price == null) {
                return new Item(line.sku(), line.quantity(), availability, null, null, null, null, null, null, null,
                        null, null, null, line.stale());
            }
            return new Item(line.sku(), line.quantity(), availability, price.reason(), price.productId(),
                    price.name() == null ? null : new Name(price.name().es(), price.name().en()), price.unitPrice(),
                    price.subtotal(), price.offerName(), price.offerDiscount(), price.couponDiscount(),
                    price.discount(), price.lineTotal(), line.stale());
        }
    }

    record Name(String es, String en) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "The cart's coupon: applied, or why not (as product-service answers)")
    record Coupon(String code, Boolean applied,
            @Schema(allowableValues = {"unknown", "expired", "exhausted", "minimum-not-met", "not-applicable"})
            String reason, Money discount, Money minimumOrder) {

        static Coupon of(CouponOutcome outcome) {
            return outcome == null ? null : new Coupon(outcome.code(), outcome.applied(), outcome.reason(),
                    outcome.discount(), outcome.minimumOrder());
        }
    }

    record Address(String country, String postcode) {
    }

    @Schema(description = "goods = subtotal - discount; total = goods + shipping (+ tax when prices exclude it)")
    record TotalsView(Money subtotal, Money offerDiscount, Money couponDiscount, Money discount, Money shipping,
            Money tax, BigDecimal taxRate, boolean taxIncluded, String country, Money total) {

        static TotalsView of(Totals totals) {
            return new TotalsView(totals.subtotal(), totals.offerDiscount(), totals.couponDiscount(),
                    totals.discount(), totals.shipping(), totals.tax(), totals.taxRate(), totals.taxIncluded(),
                    totals.country(), totals.total());
        }
    }
}
