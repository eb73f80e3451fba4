package io.tienda.product.review;

import io.tienda.platform.core.Page;
import io.tienda.platform.problem.DomainException;
import io.tienda.product.catalog.domain.ProductCatalog;
import io.tienda.product.review.domain.Purchases;
import io.tienda.product.review.domain.RatingSummary;
import io.tienda.product.review.domain.Review;
import io.tienda.product.review.domain.Reviews;
import io.tienda.product.review.domain.Visibility;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.UUID;

/**
 * Writing, editing, moderating and reading reviews. After every change that can move the stars, the
 * product's rating is recomputed from its visible reviews and handed to the catalog, which stores
 * and announces it.
 */
@Service
public class ProductReviews {

    private final Reviews reviews;
    private final Purchases purchases;
    private final ReviewVerification verification;
    private final ProductCatalog catalog;
    private final Clock clock;

    ProductReviews(Reviews reviews, Purchases purchases, ReviewVerification verification, ProductCatalog catalog,
            Clock clock) {
        this.reviews = reviews;
        this.purchases = purchases;
        this.verification = verification;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** A page of reviews with the summary of the product's visible ones. */
    public record Listing(Page<Review> page, RatingSummary summary) {
    }

    /** Content a review author sends. */
    public record Content(int rating, String title, String text) {
    }

    public Listing list(String productId, Visibility visibility, boolean staff, int page, int size) {
        requireShown(productId, staff);
        return new Listing(reviews.page(productId, visibility, page, size), reviews.summary(productId));
    }

    /** A review the caller may see: a visible one, or a hidden one when they wrote it or are staff. */
    public Review get(String productId, String reviewId, String callerId, boolean staff) {
        requireShown(productId, staff);
        Review review = reviews.byId(productId, reviewId)
                .orElseThrow(() -> ReviewProblems.reviewNotFound(reviewId));
        if (!review.visible() && !staff && (callerId == null || !review.writtenBy(callerId))) {
            throw ReviewProblems.reviewNotFound(reviewId);
        }
        return review;
    }

    /** Customers write reviews, and only of a product on sale. */
    public Review write(String productId, String userId, String authorName, Content content) {
        requireShown(productId, false);
        boolean bought = purchases.bought(userId, productId);
        Review review = Review.write(UUID.randomUUID().toString(), productId, userId, authorName, content.rating(),
                content.title(), content.text(), bought, clock.instant());
        try {
            reviews.insert(review);
        } catch (Reviews.AlreadyReviewedException e) {
            throw ReviewProblems.alreadyReviewed(productId);
        }
        // the purchase may have been recorded, or its order cancelled, after the check above but before the
        // insert, when its handler could not see this review yet; asking again after the insert closes that gap
        boolean verified = verification.settle(userId, productId, bought);
        if (verified != bought) {
            review = review.withVerifiedPurchase(verified);
        }
        refreshRating(productId);
        return review;
    }

    public Review edit(String productId, String reviewId, String userId, boolean staff, Content content) {
        requireShown(productId, staff);
        Review review = own(productId, reviewId, userId, staff);
        Review edited = review.edit(content.rating(), content.title(), content.text(), clock.instant());
        if (!reviews.update(edited)) {
            throw changedOrGone(productId, reviewId);
        }
        refreshRating(productId);
        return edited;
    }

    /** The author deletes their review; not one staff hid ({@link Review#deletableByAuthor()}): 409. */
    public void delete(String productId, String reviewId, String userId, boolean staff) {
        requireShown(productId, staff);
        Review review = own(productId, reviewId, userId, staff);
        if (!review.deletableByAuthor()) {
            throw ReviewProblems.hiddenByStaff(reviewId);
        }
        if (reviews.deleteUnlessHidden(productId, reviewId)) {
            refreshRating(productId);
        } else if (reviews.byId(productId, reviewId).filter(found -> !found.deletableByAuthor()).isPresent()) {
            // staff hid it between the read and the delete
            throw ReviewProblems.hiddenByStaff(reviewId);
        }
    }

    public Review hide(String productId, String reviewId, String reason, String staffId) {
        Review review = reviews.byId(productId, reviewId).orElseThrow(() -> ReviewProblems.reviewNotFound(reviewId));
        Review hidden = review.hide(reason, staffId, clock.instant());
        if (!reviews.update(hidden)) {
            throw changedOrGone(productId, reviewId);
        }
        refreshRating(productId);
        return hidden;
    }

    public Review unhide(String productId, String reviewId) {
        Review review = reviews.byId(productId, reviewId).orElseThrow(() -> ReviewProblems.reviewNotFound(reviewId));
        if (review.visible()) {
            return review;
        }
        Review shown = review.unhide(clock.instant());
        if (!reviews.update(shown)) {
            throw changedOrGone(productId, reviewId);
        }
        refreshRating(productId);
        return shown;
    }

    /**
     * Recomputed from the reviews rather than adjusted by the change, so that a lost or repeated
     * update never leaves the figure drifting. The catalog counts them after it has read the product
     * and again whenever a concurrent change makes it retry, so of two changes at once, the rating
     * stored last counts both.
     */
    void refreshRating(String productId) {
        catalog.rate(productId, () -> reviews.summary(productId).toRating());
    }

    /**
     * Only the author edits or deletes a review. Staff moderate by hiding instead (403); anyone else
     * learns nothing about it (404).
     */
    private Review own(String productId, String reviewId, String userId, boolean staff) {
        Review review = reviews.byId(productId, reviewId).orElseThrow(() -> ReviewProblems.reviewNotFound(reviewId));
        if (review.writtenBy(userId)) {
            return review;
        }
        if (staff) {
            throw DomainException.forbidden("Only its author edits or deletes a review; staff hide it");
        }
        throw ReviewProblems.reviewNotFound(reviewId);
    }

    /** A conditional update missed: 404 when the review is gone, else 409 as someone changed it first. */
    private DomainException changedOrGone(String productId, String reviewId) {
        return reviews.byId(productId, reviewId).isPresent() ? ReviewProblems.changed(reviewId)
                : ReviewProblems.reviewNotFound(reviewId);
    }

    /**
     * A product not on sale has, for anyone but staff, no reviews to read, write, edit or delete, as it
     * has no page: what its reviews say, or a new one changing its rating, is staff's business alone.
     */
    private void requireShown(String productId, boolean staff) {
        if (catalog.byId(productId).filter(product -> product.active() || staff).isEmpty()) {
            throw ReviewProblems.productNotFound(productId);
        }
    }
}
