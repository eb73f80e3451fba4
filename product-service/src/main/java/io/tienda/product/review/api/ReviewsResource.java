package io.tienda.product.review.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.platform.core.Page;
import io.tienda.platform.core.Roles;
import io.tienda.platform.core.TextRules;
import io.tienda.platform.problem.DomainException;
import io.tienda.platform.problem.ProblemType;
import io.tienda.platform.security.CurrentUser;
import io.tienda.platform.web.MultiLineText;
import io.tienda.product.review.ProductReviews;
import io.tienda.product.review.domain.RatingSummary;
import io.tienda.product.review.domain.Review;
import io.tienda.product.review.domain.Visibility;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

@RestController
@RequestMapping("/api/v1/products/{productId}/reviews")
@Tag(name = "Reviews", description = "Stars and opinions of customers, and their moderation")
class ReviewsResource {

    /** The token claim a review is signed with; user-service may add it, and reviews then use it. */
    private static final String NAME_CLAIM = "name";

    private final ProductReviews reviews;
    private final CurrentUser currentUser;

    ReviewsResource(ProductReviews reviews, CurrentUser currentUser) {
        this.reviews = reviews;
        this.currentUser = currentUser;
    }

    /** The title is shown as one line (in lists, mails); the text and a reason may have paragraphs. */
    @Schema(description = "What a customer says about a product")
    record ReviewRequest(
            @NotNull @Min(1) @Max(5) Integer rating,
            @Size(max = Review.MAX_TITLE)
            @Pattern(regexp = TextRules.SINGLE_LINE_PATTERN, message = TextRules.SINGLE_LINE_MESSAGE) String title,
            @Size(max = Review.MAX_TEXT) @MultiLineText String text) {

        ProductReviews.Content content() {
            return new ProductReviews.Content(rating, title, text);
        }
    }

    @Schema(description = "Why staff hide a review")
    record HideRequest(@NotBlank @Size(max = Review.Moderation.MAX_REASON) @MultiLineText String reason) {
    }

    @Schema(description = "Stars of the visible reviews: average (2 decimals), count, and reviews per star 1 to 5")
    record Summary(double average, long count, Map<Integer, Long> distribution) {

        static Summary of(RatingSummary summary) {
            return new Summary(summary.average(), summary.count(), new TreeMap<>(summary.distribution()));
        }
    }

    @Schema(description = "A page of reviews with the summary of the product's visible reviews")
    record ReviewPage(List<ReviewResponse> items, int page, int size, long total, Summary summary) {
    }

    @GetMapping
    @Operation(summary = "A product's reviews, newest first, with its rating summary",
            description = "Public for the visible reviews. visibility=hidden or all is for SUPPORT, MANAGER and "
                    + "ADMIN. The summary always counts only the visible reviews. A product not on sale is a 404 "
                    + "except for staff, for every review route.")
    ReviewPage list(@PathVariable @Size(max = 64) String productId,
            @Parameter(description = "visible (default), hidden or all; the last two for staff")
            @RequestParam(defaultValue = "visible") String visibility,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @RequestParam(defaultValue = Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        Visibility wanted = visibility(visibility);
        if (wanted != Visibility.VISIBLE) {
            requireModerator();
        }
        String caller = currentUser.id().orElse(null);
        boolean staff = moderator();
        ProductReviews.Listing listing = reviews.list(productId, wanted, staff, page, size);
        Page<ReviewResponse> items = listing.page().map(review -> ReviewResponse.of(review, caller, staff));
        return new ReviewPage(items.items(), items.page(), items.size(), items.total(),
                Summary.of(listing.summary()));
    }

    @GetMapping("/{reviewId}")
    @Operation(summary = "One review", description = "A hidden review only for its author and staff.")
    ReviewResponse get(@PathVariable @Size(max = 64) String productId, @PathVariable @Size(max = 64) String reviewId) {
        String caller = currentUser.id().orElse(null);
        boolean staff = moderator();
        return ReviewResponse.of(reviews.get(productId, reviewId, caller, staff), caller, staff);
    }

    @PostMapping
    @PreAuthorize(Roles.HAS_CUSTOMER)
    @Operation(summary = "Review a product (CUSTOMER)",
            description = "One review per customer and product (409 review-exists on a second). Signed with the "
                    + "name claim of the token, or \"Cliente\". Verified purchase when an order of the customer with "
                    + "the product has been confirmed, now or later. 404 for a product not on sale.")
    public ResponseEntity<ReviewResponse> write(@PathVariable @Size(max = 64) String productId,
            @Valid @RequestBody ReviewRequest request) {
        String caller = currentUser.requireId();
        Review review = reviews.write(productId, caller, nameClaim(), request.content());
        return ResponseEntity.created(URI.create("/api/v1/products/" + productId + "/reviews/" + review.id()))
                .body(ReviewResponse.of(review, caller, false));
    }

    @PutMapping("/{reviewId}")
    @Operation(summary = "Edit your review (its author)")
    ReviewResponse edit(@PathVariable @Size(max = 64) String productId, @PathVariable @Size(max = 64) String reviewId,
            @Valid @RequestBody ReviewRequest request) {
        String caller = currentUser.requireId();
        return ReviewResponse.of(reviews.edit(productId, reviewId, caller, moderator(), request.content()), caller,
                false);
    }

    @DeleteMapping("/{reviewId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete your review (its author)",
            description = "204. A review staff hid cannot be deleted (409 review-hidden): it holds the author's one "
                    + "review of the product, and a new one would skip moderation. Editing it keeps it hidden.")
    void delete(@PathVariable @Size(max = 64) String productId, @PathVariable @Size(max = 64) String reviewId) {
        reviews.delete(productId, reviewId, currentUser.requireId(), moderator());
    }

    @PostMapping("/{reviewId}/hide")
    @PreAuthorize(Roles.HAS_STAFF)
    @Operation(summary = "Hide a review (SUPPORT, MANAGER, ADMIN)",
            description = "It leaves the public list and the rating until unhidden; the reason is kept.")
    public ReviewResponse hide(@PathVariable @Size(max = 64) String productId,
            @PathVariable @Size(max = 64) String reviewId, @Valid @RequestBody HideRequest request) {
        String caller = currentUser.requireId();
        return ReviewResponse.of(reviews.hide(productId, reviewId, request.reason(), caller), caller, true);
    }

    @PostMapping("/{reviewId}/unhide")
    @PreAuthorize(Roles.HAS_STAFF)
    @Operation(summary = "Show a hidden review again (SUPPORT, MANAGER, ADMIN)")
    public ReviewResponse unhide(@PathVariable @Size(max = 64) String productId,
            @PathVariable @Size(max = 64) String reviewId) {
        return ReviewResponse.of(reviews.unhide(productId, reviewId), currentUser.requireId(), true);
    }

    /** Every member of staff moderates reviews. */
    private boolean moderator() {
        return currentUser.isStaff();
    }

    /** GETs under /api/v1/products are public routes, so the staff-only variants say 401 and 403 themselves. */
    private void requireModerator() {
        currentUser.requireId();
        if (!moderator()) {
            throw new DomainException(ProblemType.FORBIDDEN, "Only staff see hidden reviews");
        }
    }

    private static Visibility visibility(String value) {
        try {
            return Visibility.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("visibility must be visible, hidden or all");
        }
    }

    private static String nameClaim() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            Object name = token.getToken().getClaims().get(NAME_CLAIM);
            return name instanceof String text ? text : null;
        }
        return null;
    }
}
