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

    static DomainException hiddenByStaff(String reviewId) {
        return DomainException.custom(409, "review-hidden", "The review is hidden by moderation",
                "Staff hid review " + reviewId + ", so it cannot be deleted: it keeps your one review of the "
                        + "product, which would otherwise be replaced by one nobody has moderated. Edit it, or ask "
                        + "support to look at it again");
    }

    static DomainException changed(String reviewId) {
        return DomainException.conflict("Review " + reviewId + " changed meanwhile (edited or moderated); read it "
                + "again and retry");
    }

    static DomainException productNotFound(String productId) {
        return DomainException.notFound("product", productId);
    }

    static DomainException reviewNotFound(String reviewId) {
        return DomainException.notFound("review", reviewId);
    }
}
