package io.tienda.product.pricing;

import io.tienda.platform.events.Money;
import io.tienda.product.catalog.domain.Product;
import io.tienda.product.catalog.domain.ProductCatalog;
import io.tienda.product.catalog.domain.Variant;
import io.tienda.product.category.domain.Categories;
import io.tienda.product.category.domain.Category;
import io.tienda.product.offer.domain.Coupon;
import io.tienda.product.offer.domain.CouponUses;
import io.tienda.product.offer.domain.Item;
import io.tienda.product.offer.domain.Offer;
import io.tienda.product.offer.domain.Offers;
import io.tienda.product.pricing.domain.CouponCheck;
import io.tienda.product.pricing.domain.CouponOutcome;
import io.tienda.product.pricing.domain.PriceCalculator;
import io.tienda.product.pricing.domain.PricedLine;
import io.tienda.product.pricing.domain.PricingLine;
import io.tienda.product.pricing.domain.Quote;
import io.tienda.product.shared.domain.Shop;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Prices carts for cart-service: reads the variants, their categories and the offers live now, then
 * leaves the arithmetic to {@link PriceCalculator}. A SKU the catalog does not sell is reported on its
 * line and left out of the totals; the rest of the cart is priced regardless.
 */
@Service
public class PriceQuotes {

    private final ProductCatalog catalog;
    private final Categories categories;
    private final Offers offers;
    private final CouponUses couponUses;
    private final Clock clock;

    PriceQuotes(ProductCatalog catalog, Categories categories, Offers offers, CouponUses couponUses, Clock clock) {
        this.catalog = catalog;
        this.categories = categories;
        this.offers = offers;
        this.couponUses = couponUses;
        this.clock = clock;
    }

    /** What the cart asks about. */
    public record Request(String sku, int quantity) {
    }

    /** One line of the answer: priced, or unavailable with a reason. */
    public record Line(String sku, int quantity, PricedLine priced, Unavailable unavailable, boolean inStock) {
    }

    /**
     * Why a line cannot be priced: the SKU is {@code unknown}, its product {@code inactive}, or its
     * price not in the shop's {@code currency}.
     */
    public enum Unavailable {
        UNKNOWN("unknown"), INACTIVE("inactive"), CURRENCY("currency");

        private final String code;

        Unavailable(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public record Result(List<Line> lines, Quote quote) {
    }

    /** @param customerId the signed-in caller, whose own uses of a coupon count against its per-customer limit */
    public Result quote(List<Request> requests, String couponCode, Optional<String> customerId) {
        Instant now = clock.instant();
        Map<String, Product> bySku = new HashMap<>();
        Set<String> skus = new LinkedHashSet<>(requests.stream().map(Request::sku).toList());
        if (!skus.isEmpty()) {
            for (Product product : catalog.bySkus(skus)) {
                product.skus().stream().filter(skus::contains).forEach(sku -> bySku.put(sku, product));
            }
        }
        Map<String, Set<String>> lineages = new HashMap<>();
        List<PricingLine> pricing = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        for (Request request : requests) {
            Product product = bySku.get(request.sku());
            Variant variant = product == null ? null : product.variant(request.sku()).orElse(null);
            if (variant == null) {
                lines.add(new Line(request.sku(), request.quantity(), null, Unavailable.UNKNOWN, false));
                continue;
            }
            if (!product.active()) {
                lines.add(new Line(request.sku(), request.quantity(), null, Unavailable.INACTIVE, false));
                continue;
            }
            Money price = product.priceOf(variant);
            if (!Shop.CURRENCY.equals(price.currency())) {
                lines.add(new Line(request.sku(), request.quantity(), null, Unavailable.CURRENCY, false));
                continue;
            }
            Set<String> categoryIds = lineages.computeIfAbsent(String.valueOf(product.categoryId()),
                    id -> lineage(product.categoryId()));
            pricing.add(new PricingLine(new Item(product.id(), request.sku(), categoryIds), product.name(),
                    request.quantity(), price));
            lines.add(new Line(request.sku(), request.quantity(), null, null, variant.stock().inStock()));
        }
        Set<String> productIds = new HashSet<>();
        Set<String> pricedSkus = new HashSet<>();
        Set<String> categoryIds = new HashSet<>();
        for (PricingLine line : pricing) {
            productIds.add(line.item().productId());
            pricedSkus.add(line.item().sku());
            categoryIds.addAll(line.item().categoryIds());
        }
        List<Offer> automatic = pricing.isEmpty() ? List.of()
                : offers.automaticLiveAt(now, productIds, pricedSkus, categoryIds);
        Quote quote = PriceCalculator.price(Shop.CURRENCY, pricing, automatic,
                check(couponCode, customerId, now));
        return new Result(merge(lines, quote.lines()), quote);
    }

    /** The priced lines back in the places of the request they came from. */
    private static List<Line> merge(List<Line> lines, List<PricedLine> priced) {
        List<Line> merged = new ArrayList<>(lines.size());
        int next = 0;
        for (Line line : lines) {
            merged.add(line.unavailable() != null ? line
                    : new Line(line.sku(), line.quantity(), priced.get(next++), null, line.inStock()));
        }
        return merged;
    }

    private Set<String> lineage(String categoryId) {
        if (categoryId == null) {
            return Set.of();
        }
        Set<String> ids = new HashSet<>();
        categories.lineage(categoryId).stream().map(Category::id).forEach(ids::add);
        return ids;
    }

    private CouponCheck check(String rawCode, Optional<String> customerId, Instant now) {
        String code = Coupon.normalize(rawCode);
        if (code == null || code.isEmpty()) {
            return null;
        }
        if (!Coupon.CODE.matcher(code).matches()) {
            return CouponCheck.unknown(code);
        }
        Optional<Offer> found = offers.byCouponCode(code);
        if (found.isEmpty()) {
            return CouponCheck.unknown(code);
        }
        Offer offer = found.get();
        if (!offer.isLiveAt(now)) {
            return CouponCheck.rejected(offer, CouponOutcome.Reason.EXPIRED);
        }
        Coupon coupon = offer.coupon();
        if (coupon.exhausted() || (customerId.isPresent() && coupon.perCustomerLimit() != null
                && couponUses.usedAtLeast(offer.id(), customerId.get(), coupon.perCustomerLimit()))) {
            return CouponCheck.rejected(offer, CouponOutcome.Reason.EXHAUSTED);
        }
        return CouponCheck.usable(offer);
    }
}
