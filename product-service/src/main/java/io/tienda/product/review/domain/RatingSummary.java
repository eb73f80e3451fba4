package io.tienda.product.review.domain;

import io.tienda.product.catalog.domain.Rating;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stars of a product's visible reviews: how many gave 1 to 5, their count and their average,
 * rounded half-up to two decimals (0 without reviews).
 */
public record RatingSummary(double average, long count, Map<Integer, Long> distribution) {

    public static final RatingSummary NONE = of(Map.of());

    public RatingSummary {
        distribution = Collections.unmodifiableMap(new LinkedHashMap<>(distribution));
    }

    /** From the number of visible reviews per star count; stars outside 1 to 5 are ignored. */
    public static RatingSummary of(Map<Integer, Long> reviewsByStars) {
        Map<Integer, Long> distribution = new LinkedHashMap<>();
        long count = 0;
        long stars = 0;
        for (int star = 1; star <= 5; star++) {
            long reviews = reviewsByStars.getOrDefault(star, 0L);
            distribution.put(star, reviews);
            count += reviews;
            stars += reviews * star;
        }
        double average = count == 0 ? 0 : BigDecimal.valueOf(stars)
                .divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP).doubleValue();
        return new RatingSummary(average, count, distribution);
    }

    /** What the product carries, for lists, sorting and search. */
    public Rating toRating() {
        return count == 0 ? Rating.NONE : new Rating(average, (int) Math.min(count, Integer.MAX_VALUE));
    }
}
