package io.tienda.product.brand;

import io.tienda.platform.problem.DomainException;
import io.tienda.product.brand.domain.Brand;
import io.tienda.product.brand.domain.BrandDraft;
import io.tienda.product.brand.domain.BrandedProducts;
import io.tienda.product.brand.domain.Brands;
import io.tienda.product.shared.CatalogProblems;
import io.tienda.product.shared.UnfinishedChanges;
import io.tienda.product.shared.domain.FieldError;
import io.tienda.product.shared.domain.Slugs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Staff managing brands. Products carry a copy of their brand (id, slug, name) so lists never
 * join; renaming a brand therefore rewrites that copy on each of its products, announcing each
 * as updated so search replicas pick the new name up. The rename's write notes that this is owed,
 * and the note goes only once every product has the copy, so a crash or a failure halfway is
 * finished by the next replacement of the brand or the next start.
 */
@Service
public class BrandAdmin implements UnfinishedChanges {

    private static final Logger log = LoggerFactory.getLogger(BrandAdmin.class);
    private static final int SLUG_CANDIDATES = 50;

    private final Brands brands;
    private final BrandedProducts products;

    BrandAdmin(Brands brands, BrandedProducts products) {
        this.brands = brands;
        this.products = products;
    }

    public Brand create(BrandDraft draft) {
        return create(UUID.randomUUID().toString(), draft);
    }

    /** Creates the brand under a given id: the demo catalog derives its ids from its slugs. */
    public Brand create(String id, BrandDraft draft) {
        requireValid(draft);
        String base = draft.slug() != null ? draft.slug() : Slugs.of(draft.name(), "marca");
        for (int n = 1; n <= SLUG_CANDIDATES; n++) {
            String slug = Slugs.candidate(base, n);
            if (brands.bySlug(slug).isPresent()) {
                if (draft.slug() != null) {
                    throw CatalogProblems.slugTaken(slug);
                }
                continue;
            }
            Brand brand = new Brand(id, slug, draft.name().strip(), blankToNull(draft.logoUrl()), 1);
            try {
                brands.insert(brand);
                return brand;
            } catch (DuplicateKeyException e) {
                if (brands.byId(id).isPresent()) {
                    throw CatalogProblems.conflict("brand-exists", "The brand exists",
                            "A brand with id " + id + " already exists");
                }
                if (draft.slug() != null) {
                    throw CatalogProblems.slugTaken(slug);
                }
            }
        }
        throw CatalogProblems.slugTaken(base);
    }

    public Brand replace(String idOrSlug, BrandDraft draft) {
        requireValid(draft);
        Brand current = find(idOrSlug);
        String slug = draft.slug() != null ? draft.slug() : current.slug();
        if (!slug.equals(current.slug()) && brands.bySlug(slug).isPresent()) {
            throw CatalogProblems.slugTaken(slug);
        }
        Brand next = new Brand(current.id(), slug, draft.name().strip(), blankToNull(draft.logoUrl()),
                current.version() + 1);
        boolean renamed = !next.ref().equals(current.ref());
        boolean unchanged = !renamed && Objects.equals(next.logoUrl(), current.logoUrl());
        long note;
        if (unchanged) {
            note = brands.productsToRelabel(current.id());
        } else {
            try {
                note = brands.replace(next, renamed).orElseThrow(() ->
                        new OptimisticLockingFailureException("brand " + current.id() + " changed meanwhile"));
            } catch (DuplicateKeyException e) {
                throw CatalogProblems.slugTaken(slug);
            }
        }
        if (note > 0) {
            // also when this replacement changed nothing: it finishes what a rename cut short left noted
            relabelProducts(current.id(), note);
        }
        return unchanged ? current : next;
    }

    /**
     * Relabels the products of every brand whose rename has not reached them all yet (a crash or a
     * failure came first); answers how many products.
     */
    public int relabelNotedProducts() {
        int relabelled = 0;
        for (Map.Entry<String, Long> noted : brands.withProductsToRelabel().entrySet()) {
            relabelled += relabelProducts(noted.getKey(), noted.getValue());
        }
        return relabelled;
    }

    @Override
    public void finish() {
        relabelNotedProducts();
    }

    private int relabelProducts(String brandId, long note) {
        int relabelled = products.relabel(brandId);
        brands.relabelled(brandId, note);
        if (relabelled > 0) {
            log.info("gave {} products the new name of brand {}", relabelled, brandId);
        }
        return relabelled;
    }

    public Brand find(String idOrSlug) {
        return brands.byId(idOrSlug).or(() -> brands.bySlug(idOrSlug))
                .orElseThrow(() -> DomainException.notFound("brand", idOrSlug));
    }

    private static void requireValid(BrandDraft draft) {
        List<FieldError> errors = draft.problems();
        if (!errors.isEmpty()) {
            throw CatalogProblems.invalid(errors);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
