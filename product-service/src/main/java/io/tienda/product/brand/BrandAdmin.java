package io.tienda.product.brand;

import io.tienda.platform.problem.DomainException;
import io.tienda.product.brand.domain.Brand;
import io.tienda.product.brand.domain.BrandDraft;
import io.tienda.product.brand.domain.BrandedProducts;
import io.tienda.product.brand.domain.Brands;
import io.tienda.product.shared.CatalogProblems;
import io.tienda.product.shared.domain.FieldError;
import io.tienda.product.shared.domain.Slugs;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.UUID;

/**
 * Staff managing brands. Products carry a copy of their brand (id, slug, name) so lists never
 * join; renaming a brand therefore rewrites that copy on each of its products, announcing each
 * as updated so search replicas pick the new name up.
 */
@Service
public class BrandAdmin {

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
        if (next.ref().equals(current.ref()) && java.util.Objects.equals(next.logoUrl(), current.logoUrl())) {
            return current;
        }
        try {
            if (!brands.replace(next)) {
                throw new OptimisticLockingFailureException("brand " + current.id() + " changed meanwhile");
            }
        } catch (DuplicateKeyException e) {
            throw CatalogProblems.slugTaken(slug);
        }
        if (!next.ref().equals(current.ref())) {
            products.relabel(next.ref());
        }
        return next;
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
