package io.tienda.product.review;

import io.tienda.product.review.domain.Purchases;
import io.tienda.product.review.domain.Reviews;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Keeps a customer's review of a product verified exactly while a purchase of it counts. Purchases and
 * reviews are separate documents changed by separate writers (an order's events, the review's author), so
 * each writer looks at the purchases again after writing the review's flag, and corrects the flag until
 * the purchases say what it last wrote: of two writers racing, the one that writes last has then seen the
 * other's change.
 */
@Component
class ReviewVerification {

    private final Purchases purchases;
    private final Reviews reviews;

    ReviewVerification(Purchases purchases, Reviews reviews) {
        this.purchases = purchases;
        this.reviews = reviews;
    }

    /** Writes the flag from the purchases as they are now, then {@linkplain #settle settles} it. */
    void align(String userId, String productId) {
        boolean bought = purchases.bought(userId, productId);
        write(userId, productId, bought);
        settle(userId, productId, bought);
    }

    /**
     * After the user's review of the product was written {@code written} (verified or not): corrects it while
     * the purchases say otherwise. Returns what the review ends as.
     */
    boolean settle(String userId, String productId, boolean written) {
        boolean bought = purchases.bought(userId, productId);
        while (bought != written) {
            write(userId, productId, bought);
            written = bought;
            bought = purchases.bought(userId, productId);
        }
        return bought;
    }

    private void write(String userId, String productId, boolean verified) {
        if (verified) {
            reviews.markVerified(userId, List.of(productId));
        } else {
            reviews.markUnverified(userId, List.of(productId));
        }
    }
}
