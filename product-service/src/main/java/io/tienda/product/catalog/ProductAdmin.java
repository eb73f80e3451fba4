package io.tienda.product.catalog;

import io.tienda.platform.problem.DomainException;
import io.tienda.product.brand.domain.Brand;
import io.tienda.product.brand.domain.BrandRef;
import io.tienda.product.brand.domain.BrandedProducts;
import io.tienda.product.brand.domain.Brands;
import io.tienda.product.catalog.domain.CatalogConflict;
import io.tienda.product.catalog.domain.Product;
import io.tienda.product.catalog.domain.ProductDraft;
import io.tienda.product.catalog.domain.ProductEvents;
import io.tienda.product.catalog.domain.ProductRules;
import io.tienda.product.catalog.domain.ProductStore;
import io.tienda.product.catalog.domain.Rating;
import io.tienda.product.catalog.domain.StockState;
import io.tienda.product.catalog.domain.Variant;
import io.tienda.product.category.domain.Categories;
import io.tienda.product.category.domain.Category;
import io.tienda.product.category.domain.CategoryMembers;
import io.tienda.product.shared.CatalogProblems;
import io.tienda.product.shared.domain.FieldError;
import io.tienda.product.shared.domain.Slugs;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Staff changing the catalog: creating, replacing and deleting products. Every path checks the
 * same rules, resolves category and brand, and stores each change with the events announcing it;
 * the unique indexes keep slugs and SKUs unique, and a write they refuse becomes the 409 naming
 * what is taken. The demo catalog is loaded through here too, so its products reach inventory and
 * search exactly as staff-made ones do.
 */
@Service
public class ProductAdmin implements BrandedProducts, CategoryMembers {

    /** Candidates tried for a generated slug before giving up; {@code name-2} ... {@code name-50}. */
    private static final int SLUG_CANDIDATES = 50;
    /**
     * Product ids read at a time when a category's move or a brand's rename reaches its products: a
     * root category or a big brand may hold much of the catalog, too many ids to hold at once.
     */
    private static final int PAGE = 500;

    private final ProductStore store;
    private final Categories categories;
    private final Brands brands;
    private final Clock clock;

    ProductAdmin(ProductStore store, Categories categories, Brands brands, Clock clock) {
        this.store = store;
        this.categories = categories;
        this.brands = brands;
        this.clock = clock;
    }

    public Product create(ProductDraft draft) {
        return create(UUID.randomUUID().toString(), draft);
    }

    /** Creates the product under a given id: the demo catalog derives its ids from its content. */
    public Product create(String id, ProductDraft draft) {
        Product product = prepare(id, draft);
        store.announce(product.id());
        return product;
    }

    /**
     * Checks, resolves and stores a new product with its {@code product.created}, without sending it
     * yet: a bulk load sends many at once afterwards.
     */
    public Product prepare(String id, ProductDraft draft) {
        requireValid(draft);
        Category category = category(draft.categoryId());
        BrandRef brand = brand(draft.brandId());
        String base = draft.slug() != null ? draft.slug() : Slugs.of(draft.slugSource(), "producto");
        Instant now = now();
        for (int n = 1; n <= SLUG_CANDIDATES; n++) {
            String slug = Slugs.candidate(base, n);
            Product product = draft.toProduct(id, slug, category.id(), brand, Rating.NONE, now, now, 1);
            try {
                store.insert(product, List.of(ProductEvents.created(product)));
                return product;
            } catch (CatalogConflict conflict) {
                // taken SKUs first: no other slug would help
                if (!conflict.skus().isEmpty()) {
                    throw CatalogProblems.skusTaken(conflict.skus());
                }
                if (conflict.slug() == null) {
                    throw CatalogProblems.conflict("product-exists", "The product exists",
                            "A product with id " + id + " already exists");
                }
                if (draft.slug() != null) {
                    throw CatalogProblems.slugTaken(conflict.slug());
                }
                // a generated slug another product has: try the next one
            }
        }
        throw CatalogProblems.slugTaken(base);
    }

    /**
     * Replaces what staff edit of a product, keeping its id, creation time, rating and the stock
     * inventory reported for the SKUs it keeps. A replacement that changes nothing writes nothing.
     *
     * @param expected the versions If-Match named; {@link ProductVersions.Expected#ANY} to replace whatever is current
     */
    public Product replace(String id, ProductDraft draft, ProductVersions.Expected expected) {
        requireValid(draft);
        Category category = category(draft.categoryId());
        String brandId = draft.brandId() == null ? null : brand(draft.brandId()).id();
        Product replaced;
        try {
            replaced = store.modify(id, current -> {
                requireVersion(current, expected);
                // read on every attempt: a brand rename relabelling the product makes this one start over,
                // and a copy read before the rename would undo the relabel
                BrandRef brand = brandId == null ? null : brand(brandId);
                String slug = draft.slug() != null ? draft.slug() : current.slug();
                Product next = withStockOf(current, draft.toProduct(id, slug, category.id(), brand, current.rating(),
                        current.createdAt(), now(), current.version() + 1));
                if (sameContent(current, next)) {
                    return null;
                }
                return new ProductStore.Change(next, ProductEvents.replaced(current, next));
            }).orElseThrow(() -> DomainException.notFound("product", id));
        } catch (CatalogConflict conflict) {
            if (conflict.slug() != null) {
                throw CatalogProblems.slugTaken(conflict.slug());
            }
            throw CatalogProblems.skusTaken(conflict.skus());
        }
        store.announce(id);
        return replaced;
    }

    /** Deletes the product: it vanishes at once and {@code product.deleted} tells the others. */
    public void delete(String id, ProductVersions.Expected expected) {
        store.delete(id, current -> {
            requireVersion(current, expected);
            return List.of(ProductEvents.deleted(current));
        }).orElseThrow(() -> DomainException.notFound("product", id));
        store.announce(id);
    }

    /**
     * Gives every product of a renamed brand the brand's copy, announcing each as updated, a page of ids
     * at a time. Each product takes the brand as it is when the product is written, read after the
     * product: a walk for an older name, still going when a newer rename's walk has passed, then cannot
     * leave the older name behind.
     */
    @Override
    public int relabel(String brandId) {
        return changeEach(after -> store.idsWithBrand(brandId, after, PAGE), current -> {
            BrandRef ref = brand(brandId);
            if (ref.equals(current.brand())) {
                return null;
            }
            Product next = current.withBrand(ref, now());
            return new ProductStore.Change(next, List.of(ProductEvents.updated(next)));
        });
    }

    /**
     * Announces every product of these categories again, one version on, a page of ids at a time: their
     * category moved or was renamed, and search files them under its branch.
     */
    @Override
    public int reannounce(Collection<String> categoryIds) {
        return changeEach(after -> store.idsInCategories(categoryIds, after, PAGE), current -> {
            Product next = current.reannounced(now());
            return new ProductStore.Change(next, List.of(ProductEvents.updated(next)));
        });
    }

    /**
     * Walks the ids {@code pageAfter} answers, {@link #PAGE} at a time, each page after the last id of the
     * one before, and changes and announces each product {@code change} answers a change for (null: none);
     * answers how many changed.
     */
    private int changeEach(Function<String, List<String>> pageAfter, Function<Product, ProductStore.Change> change) {
        int changed = 0;
        String after = null;
        List<String> page;
        do {
            page = pageAfter.apply(after);
            for (String id : page) {
                boolean[] written = {false};
                Optional<Product> stored = store.modify(id, current -> {
                    ProductStore.Change next = change.apply(current);
                    written[0] = next != null; // the attempt asked last is the one written
                    return next;
                });
                if (stored.isPresent() && written[0]) {
                    store.announce(id);
                    changed++;
                }
            }
            after = page.isEmpty() ? after : page.get(page.size() - 1);
        } while (page.size() == PAGE);
        return changed;
    }

    /** Stored times have millisecond precision; answering finer ones would differ from a later read. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static void requireValid(ProductDraft draft) {
        List<FieldError> errors = ProductRules.check(draft);
        if (!errors.isEmpty()) {
            throw CatalogProblems.invalid(errors);
        }
    }

    private static void requireVersion(Product current, ProductVersions.Expected expected) {
        if (!expected.admits(current.version())) {
            throw CatalogProblems.versionMismatch("product", ProductVersions.etag(current));
        }
    }

    private Category category(String idOrSlug) {
        return categories.byId(idOrSlug).or(() -> categories.bySlug(idOrSlug))
                .orElseThrow(() -> CatalogProblems.unknownCategory(idOrSlug));
    }

    private BrandRef brand(String idOrSlug) {
        if (idOrSlug == null) {
            return null;
        }
        return brands.byId(idOrSlug).or(() -> brands.bySlug(idOrSlug)).map(Brand::ref)
                .orElseThrow(() -> CatalogProblems.unknownBrand(idOrSlug));
    }

    private static Product withStockOf(Product current, Product next) {
        List<Variant> variants = next.variants().stream().map(variant -> variant.withStock(
                current.variant(variant.sku()).map(Variant::stock).orElse(StockState.UNKNOWN))).toList();
        return new Product(next.id(), next.slug(), next.name(), next.description(), next.categoryId(), next.brand(),
                next.price(), next.compareAtPrice(), next.images(), variants, next.active(), next.featured(),
                next.seo(), next.rating(), next.createdAt(), next.updatedAt(), next.version());
    }

    private static boolean sameContent(Product current, Product next) {
        return current.equals(new Product(next.id(), next.slug(), next.name(), next.description(), next.categoryId(),
                next.brand(), next.price(), next.compareAtPrice(), next.images(), next.variants(), next.active(),
                next.featured(), next.seo(), next.rating(), next.createdAt(), current.updatedAt(),
                current.version()));
    }
}
