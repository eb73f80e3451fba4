package io.tienda.product.review;

import io.tienda.platform.problem.DomainException;

/** The problems reviews answer with; their types are stable. */
final class ReviewProblems {

    private ReviewProblems() {
    }

    static DomainException alreadyReviewed(String productId) {
        return DomainException.custom(409, "review-exists", "You already reviewed this product",
                "Each customer reviews product " + productId + " once; edit the existing review instead");
    }

    static DomainException productNotFound(String productId) {
        return DomainException.notFound("product", productId);
    }

    static DomainException reviewNotFound(String reviewId) {
        return DomainException.notFound("review", reviewId);
    }
}
