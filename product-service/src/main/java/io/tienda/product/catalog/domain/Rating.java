package io.tienda.product.catalog.domain;

/** The average of a product's visible reviews (1 to 5) and how many there are; 0 and 0 without reviews. */
public record Rating(double average, int count) {

    public static final Rating NONE = new Rating(0, 0);

    public Rating {
        if (count < 0 || (count > 0 && (average < 1 || average > 5))) {
            throw new IllegalArgumentException("a rating averages 1 to 5 stars over zero or more reviews");
        }
    }
}
