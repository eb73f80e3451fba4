package io.tienda.product.offer;

import io.tienda.platform.core.Page;
import io.tienda.platform.problem.DomainException;
import io.tienda.product.catalog.domain.Product;
import io.tienda.product.catalog.domain.ProductCatalog;
import io.tienda.product.category.domain.Categories;
import io.tienda.product.offer.domain.Offer;
import io.tienda.product.offer.domain.OfferDraft;
import io.tienda.product.offer.domain.Offers;
import io.tienda.product.offer.domain.Violation;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What staff do with offers: create, edit, withdraw, look up. */
@Service
public class OfferAdministration {

    private final Offers offers;
    private final ProductCatalog catalog;
    private final Categories categories;
    private final Clock clock;

    OfferAdministration(Offers offers, ProductCatalog catalog, Categories categories, Clock clock) {
        this.offers = offers;
        this.catalog = catalog;
        this.categories = categories;
        this.clock = clock;
    }

    public Offer create(OfferDraft draft) {
        check(draft);
        if (draft.couponCode() != null && offers.byCouponCode(draft.couponCode()).isPresent()) {
            throw OfferProblems.codeTaken(draft.couponCode());
        }
        Instant now = clock.instant();
        Offer offer = draft.toOffer(UUID.randomUUID().toString(), 0, now, now, 0);
        try {
            offers.insert(offer);
        } catch (Offers.CouponCodeTakenException e) {
            throw OfferProblems.codeTaken(draft.couponCode());
        }
        return offer;
    }

    public Offer update(String id, OfferDraft draft) {
        Offer previous = get(id);
        check(draft);
        boolean codeChanges = previous.couponCode() != null && !previous.couponCode().equals(draft.couponCode());
        if (codeChanges && previous.coupon().used() > 0) {
            throw OfferProblems.codeInUse(previous.couponCode());
        }
        if (draft.couponCode() != null && !draft.couponCode().equals(previous.couponCode())
                && offers.byCouponCode(draft.couponCode()).isPresent()) {
            throw OfferProblems.codeTaken(draft.couponCode());
        }
        int used = previous.coupon() == null || codeChanges ? 0 : previous.coupon().used();
        Offer next = draft.toOffer(id, used, previous.createdAt(), clock.instant(), previous.version() + 1);
        boolean replaced;
        try {
            replaced = offers.replace(previous, next);
        } catch (Offers.CouponCodeTakenException e) {
            throw OfferProblems.codeTaken(draft.couponCode());
        }
        if (!replaced) {
            Offer now = get(id);
            if (codeChanges && now.coupon() != null && now.coupon().used() > 0) {
                throw OfferProblems.codeInUse(previous.couponCode());
            }
            throw OfferProblems.changedMeanwhile(id);
        }
        return get(id);
    }

    public void deactivate(String id) {
        if (!offers.deactivate(id, clock.instant())) {
            throw DomainException.notFound("offer", id);
        }
    }

    public Offer get(String id) {
        return offers.byId(id).orElseThrow(() -> DomainException.notFound("offer", id));
    }

    public Page<Offer> all(int page, int size) {
        return offers.all(page, size);
    }

    public Page<Offer> liveNow(int page, int size) {
        return offers.liveAt(clock.instant(), page, size);
    }

    /** The draft's own rules (400), then that what it targets exists (422). */
    private void check(OfferDraft draft) {
        List<Violation> violations = draft.violations();
        if (!violations.isEmpty()) {
            throw OfferProblems.invalid(violations);
        }
        List<String> unknown = switch (draft.scope()) {
            case ALL -> List.of();
            case PRODUCTS -> draft.targetIds().stream().filter(id -> catalog.byId(id).isEmpty()).toList();
            case VARIANTS -> {
                Set<String> known = new HashSet<>();
                catalog.bySkus(draft.targetIds()).stream().map(Product::skus).forEach(known::addAll);
                yield draft.targetIds().stream().filter(sku -> !known.contains(sku)).toList();
            }
            case CATEGORIES -> draft.targetIds().stream().filter(id -> categories.byId(id).isEmpty()).toList();
        };
        if (!unknown.isEmpty()) {
            throw OfferProblems.unknownTargets(unknown);
        }
    }
}
