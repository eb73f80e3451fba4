package io.tienda.product.review;

import io.tienda.platform.web.ApiException;

/** The problems reviews answer with; their types are stable. */
final class ReviewProblems {

    private ReviewProblems() {
    }

    static ApiException alreadyReviewed(String productId) {
        return ApiException.custom(409, "review-exists", "You already reviewed this product",
                "Each customer reviews product " + productId + " once; edit the existing review instead");
    }

    static ApiException productNotFound(String productId) {
        return ApiException.notFound("product", productId);
    }

    static ApiException reviewNotFound(String reviewId) {
        return ApiException.notFound("review", reviewId);
    }
}
