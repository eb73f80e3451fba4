package io.tienda.product.review.persistence;

import io.tienda.product.review.domain.Review;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A review as stored in the {@code reviews} collection. {@code hidden} is kept beside the
 * {@code moderation} details so that listing the visible reviews is a plain equality match.
 */
@Document(ReviewDocument.COLLECTION)
record ReviewDocument(@Id String id, String productId, String userId, String authorName, int rating, String title,
        String text, boolean verifiedPurchase, boolean hidden, ModerationField moderation, boolean anonymised,
        Instant createdAt, Instant updatedAt, long version) {

    static final String COLLECTION = "reviews";

    static ReviewDocument of(Review review) {
        Review.Moderation moderation = review.moderation();
        return new ReviewDocument(review.id(), review.productId(), review.userId(), review.authorName(),
                review.rating(), review.title(), review.text(), review.verifiedPurchase(), !review.visible(),
                moderation == null ? null : new ModerationField(moderation.reason(), moderation.by(), moderation.at()),
                review.anonymised(), review.createdAt(), review.updatedAt(), review.version());
    }

    Review toDomain() {
        return new Review(id, productId, userId, authorName, rating, title, text, verifiedPurchase,
                moderation == null ? null
                        : new Review.Moderation(moderation.reason(), moderation.by(), moderation.at()),
                anonymised, createdAt, updatedAt, version);
    }

    record ModerationField(String reason, String by, Instant at) {
    }
}
