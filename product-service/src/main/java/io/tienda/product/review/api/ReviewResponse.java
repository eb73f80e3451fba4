package io.tienda.product.review.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import io.tienda.product.review.domain.Review;

import java.time.Instant;

/**
 * A review. Shoppers never see who wrote it beyond the name it is signed with; {@code mine} tells a
 * signed-in author their own. Staff also see the author's id and the moderation.
 */
@Schema(description = "A review; authorName is null once the author's account is erased")
record ReviewResponse(String id, String productId, int rating, String title, String text, String authorName,
        boolean verifiedPurchase, Instant createdAt, Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean mine,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean hidden,
        @JsonInclude(JsonInclude.Include.NON_NULL) Moderation moderation,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "staff only") String userId) {

    record Moderation(String reason, String by, Instant at) {
    }

    /** @param callerId the signed-in caller, if any; @param staff whether they moderate reviews */
    static ReviewResponse of(Review review, String callerId, boolean staff) {
        boolean mine = callerId != null && review.writtenBy(callerId);
        Review.Moderation moderation = review.moderation();
        return new ReviewResponse(review.id(), review.productId(), review.rating(), review.title(), review.text(),
                review.authorName(), review.verifiedPurchase(), review.createdAt(), review.updatedAt(),
                callerId == null ? null : mine,
                staff || mine ? !review.visible() : null,
                staff && moderation != null ? new Moderation(moderation.reason(), moderation.by(), moderation.at())
                        : null,
                staff ? review.userId() : null);
    }
}
