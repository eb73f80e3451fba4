package io.tienda.product.review.domain;

import io.tienda.product.catalog.domain.Rating;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReviewRulesTest {

    private static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");

    @Test
    void theSummaryAveragesTheStarsToTwoDecimals() {
        RatingSummary summary = RatingSummary.of(Map.of(5, 2L, 4, 1L));

        assertThat(summary.count()).isEqualTo(3);
        assertThat(summary.average()).isEqualTo(4.67);
        assertThat(summary.distribution()).containsExactly(Map.entry(1, 0L), Map.entry(2, 0L), Map.entry(3, 0L),
                Map.entry(4, 1L), Map.entry(5, 2L));
        assertThat(summary.toRating()).isEqualTo(new Rating(4.67, 3));
    }

    @Test
    void noReviewsMeanNoRating() {
        assertThat(RatingSummary.NONE.count()).isZero();
        assertThat(RatingSummary.NONE.average()).isZero();
        assertThat(RatingSummary.NONE.toRating()).isEqualTo(Rating.NONE);
    }

    @Test
    void halfwayAveragesRoundUp() {
        assertThat(RatingSummary.of(Map.of(1, 1L, 2, 1L, 5, 6L)).average()).isEqualTo(4.13); // 33/8 = 4.125
    }

    @Test
    void aReviewGivesOneToFiveStars() {
        assertThatThrownBy(() -> Review.write("r", "p", "u", null, 0, null, null, false, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Review.write("r", "p", "u", null, 6, null, null, false, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void titleAndTextAreBounded() {
        assertThat(Review.write("r", "p", "u", null, 3, "t".repeat(120), "x".repeat(4000), false, NOW).title())
                .hasSize(120);
        assertThatThrownBy(() -> Review.write("r", "p", "u", null, 3, "t".repeat(121), null, false, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Review.write("r", "p", "u", null, 3, null, "x".repeat(4001), false, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void blankTitleAndTextAreAbsent() {
        Review review = Review.write("r", "p", "u", null, 4, "  ", "\n", false, NOW);

        assertThat(review.title()).isNull();
        assertThat(review.text()).isNull();
    }

    @Test
    void theAuthorIsSignedWithTheTokenNameOrCliente() {
        assertThat(Review.authorName(null)).isEqualTo("Cliente");
        assertThat(Review.authorName("   ")).isEqualTo("Cliente");
        assertThat(Review.authorName(" Ana García ")).isEqualTo("Ana García");
        assertThat(Review.authorName("x".repeat(200))).hasSize(Review.MAX_AUTHOR_NAME);
    }

    @Test
    void hidingNeedsAReasonAndUnhidingClearsIt() {
        Review review = Review.write("r", "p", "u", "Ana", 2, null, "meh", false, NOW);

        Review hidden = review.hide("insults", "staff-support", NOW.plusSeconds(5));
        assertThat(hidden.visible()).isFalse();
        assertThat(hidden.moderation().reason()).isEqualTo("insults");
        assertThat(hidden.unhide(NOW.plusSeconds(9)).visible()).isTrue();
        assertThatThrownBy(() -> review.hide(" ", "staff", NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void editingKeepsTheAuthorAndTheVerifiedMark() {
        Review review = Review.write("r", "p", "u", "Ana", 2, "t", "x", true, NOW);

        Review edited = review.edit(5, "better", "now it works", NOW.plusSeconds(60));

        assertThat(edited.rating()).isEqualTo(5);
        assertThat(edited.verifiedPurchase()).isTrue();
        assertThat(edited.authorName()).isEqualTo("Ana");
        assertThat(edited.createdAt()).isEqualTo(NOW);
        assertThat(edited.updatedAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void itsAuthorDeletesAReviewOnlyWhileNoModeratorKeepsItHidden() {
        Review review = Review.write("r", "p", "u", null, 1, "Grosero", null, false, NOW);
        assertThat(review.deletableByAuthor()).isTrue();

        Review hidden = review.hide("Insultos", "staff-1", NOW);
        assertThat(hidden.deletableByAuthor()).isFalse();
        assertThat(hidden.edit(2, "Perdón", null, NOW).deletableByAuthor()).isFalse();
        assertThat(hidden.unhide(NOW).deletableByAuthor()).isTrue();
    }
}
