package io.tienda.product.recommendation.domain;

import io.tienda.product.catalog.domain.Product;
import io.tienda.product.recommendation.domain.Recommendation.Reason;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The recommendations for one product, gathered source by source until there are enough. Only products
 * a shopper can buy now are taken (on sale, some variant in stock); never the product itself, and a
 * product offered by two sources keeps the first, stronger reason.
 */
public final class Picks {

    private final String productId;
    private final int limit;
    private final Map<String, Recommendation> chosen = new LinkedHashMap<>();

    public Picks(String productId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        this.productId = Objects.requireNonNull(productId, "productId");
        this.limit = limit;
    }

    /** Takes candidates in their order, as long as there is room. */
    public Picks add(List<Product> candidates, Reason reason) {
        for (Product candidate : candidates) {
            if (full()) {
                break;
            }
            if (candidate != null && !candidate.id().equals(productId) && candidate.active() && candidate.inStock()) {
                chosen.putIfAbsent(candidate.id(), new Recommendation(candidate, reason));
            }
        }
        return this;
    }

    public boolean full() {
        return chosen.size() >= limit;
    }

    /**
     * How many candidates a source of buyable products should be asked for so that the picks can fill up:
     * the ones still missing plus the ones it may offer again (every product already chosen, and the
     * product itself), which is always one more than the limit.
     */
    public int wanted() {
        return limit + 1;
    }

    public List<Recommendation> list() {
        return List.copyOf(chosen.values());
    }
}
