package io.tienda.product.demo;

import io.tienda.platform.problem.DomainException;
import io.tienda.product.brand.BrandAdmin;
import io.tienda.product.brand.domain.Brand;
import io.tienda.product.brand.domain.BrandDraft;
import io.tienda.product.brand.domain.Brands;
import io.tienda.product.catalog.ProductAdmin;
import io.tienda.product.catalog.domain.Product;
import io.tienda.product.catalog.domain.ProductEvents;
import io.tienda.product.catalog.domain.ProductRules;
import io.tienda.product.catalog.domain.ProductStore;
import io.tienda.product.catalog.domain.Rating;
import io.tienda.product.category.CategoryAdmin;
import io.tienda.product.category.domain.Categories;
import io.tienda.product.category.domain.Category;
import io.tienda.product.category.domain.CategoryDraft;
import io.tienda.product.shared.domain.FieldError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Loads the demo catalog: its categories and brands, the curated products and, up to the
 * configured size, generated ones. Idempotent: everything has an id derived from its content and
 * what exists is left alone, so a second load writes nothing and announces nothing. The curated
 * products go through {@link ProductAdmin} like staff-made ones; generated products are checked by
 * the same rules but stored in bulk, each with its own {@code product.created} in its document,
 * and announced many at a time, so that inventory seeds their stock and search indexes them too.
 */
@Service
public class DemoCatalog {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);

    private final CategoryAdmin categoryAdmin;
    private final Categories categories;
    private final BrandAdmin brandAdmin;
    private final Brands brands;
    private final ProductAdmin productAdmin;
    private final ProductStore store;
    private final DemoCatalogProperties properties;
    private final Clock clock;

    DemoCatalog(CategoryAdmin categoryAdmin, Categories categories, BrandAdmin brandAdmin, Brands brands,
            ProductAdmin productAdmin, ProductStore store, DemoCatalogProperties properties, Clock clock) {
        this.categoryAdmin = categoryAdmin;
        this.categories = categories;
        this.brandAdmin = brandAdmin;
        this.brands = brands;
        this.productAdmin = productAdmin;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    /** What a load did. */
    public record Result(int categories, int brands, int curated, int generated, Duration took) {
    }

    /** The number of curated products; a size up to it loads only curated products. */
    public int curatedSize() {
        return CatalogFile.catalog().products().stream().mapToInt(t -> t.models().size()).sum();
    }

    /** Loads the catalog at the configured size. */
    public Result load() {
        return load(properties.size() == null ? curatedSize() : properties.size());
    }

    /** Loads {@code size} products in all (curated first, then generated), adding only what is missing. */
    public Result load(int size) {
        Instant started = clock.instant();
        CatalogFile.Catalog catalog = CatalogFile.catalog();
        int[] created = new int[2];
        Map<String, String> categoryIds = ensureCategories(catalog, created);
        Map<String, Brand> brandsBySlug = ensureBrands(catalog, created);
        Map<String, String> brandIds = new HashMap<>();
        brandsBySlug.forEach((slug, brand) -> brandIds.put(slug, brand.id()));

        List<DemoProduct> curated = CuratedCatalog.expand(catalog, categoryIds, brandIds);
        List<DemoProduct> wanted = curated.subList(0, Math.min(size, curated.size()));
        int curatedCreated = 0;
        Set<String> existing = store.existingIds(wanted.stream().map(DemoProduct::id).toList());
        for (DemoProduct product : wanted) {
            if (existing.contains(product.id())) {
                continue;
            }
            try {
                productAdmin.create(product.id(), product.draft());
                curatedCreated++;
            } catch (DomainException e) {
                // e.g. staff took one of its slugs or SKUs meanwhile: the demo product gives way
                log.warn("demo product {} not loaded: {}", product.draft().name().es(), e.getMessage());
            }
        }
        int generated = size > curated.size()
                ? generate(size - curated.size(), categoryIds, brandIdsByCategory(catalog, brandIds)) : 0;
        Result result = new Result(created[0], created[1], curatedCreated, generated,
                Duration.between(started, clock.instant()));
        log.info("demo catalog of {} products: {} categories, {} brands, {} curated and {} generated products "
                + "added in {} ms", size, result.categories(), result.brands(), result.curated(), result.generated(),
                result.took().toMillis());
        return result;
    }

    private Map<String, String> ensureCategories(CatalogFile.Catalog catalog, int[] created) {
        Map<String, String> ids = new LinkedHashMap<>();
        // parents come before their children in the file
        for (CatalogFile.CategorySeed seed : catalog.categories()) {
            Optional<Category> existing = categories.byId(seed.id()).or(() -> categories.bySlug(seed.slug()));
            if (existing.isPresent()) {
                ids.put(seed.slug(), existing.get().id());
                continue;
            }
            Category category = categoryAdmin.create(seed.id(), new CategoryDraft(seed.slug(),
                    new CategoryDraft.Name(seed.es(), seed.en()), seed.parent() == null ? null : ids.get(seed.parent()),
                    seed.order()));
            ids.put(seed.slug(), category.id());
            created[0]++;
        }
        return ids;
    }

    private Map<String, Brand> ensureBrands(CatalogFile.Catalog catalog, int[] created) {
        Map<String, Brand> bySlug = new LinkedHashMap<>();
        for (CatalogFile.BrandSeed seed : catalog.brands()) {
            Optional<Brand> existing = brands.byId(seed.id()).or(() -> brands.bySlug(seed.slug()));
            if (existing.isPresent()) {
                bySlug.put(seed.slug(), existing.get());
                continue;
            }
            bySlug.put(seed.slug(), brandAdmin.create(seed.id(), new BrandDraft(seed.slug(), seed.name(),
                    "https://images.tienda.local/marcas/" + seed.slug() + ".svg")));
            created[1]++;
        }
        return bySlug;
    }

    private static Map<String, List<String>> brandIdsByCategory(CatalogFile.Catalog catalog,
            Map<String, String> brandIds) {
        Map<String, Set<String>> byCategory = new LinkedHashMap<>();
        for (CatalogFile.Template template : catalog.products()) {
            template.brands().forEach(brand -> byCategory.computeIfAbsent(template.category(),
                    k -> new LinkedHashSet<>()).add(brandIds.get(brand)));
        }
        Map<String, List<String>> lists = new HashMap<>();
        byCategory.forEach((category, ids) -> lists.put(category, List.copyOf(ids)));
        return lists;
    }

    /** Stores the generated products batch by batch, announcing each batch before the next. */
    private int generate(int count, Map<String, String> categoryIds, Map<String, List<String>> brandIdsByCategory) {
        GeneratedCatalog generator = new GeneratedCatalog(CatalogFile.vocabulary(), categoryIds, brandIdsByCategory);
        Map<String, Brand> brandsById = new HashMap<>();
        brands.all().forEach(brand -> brandsById.put(brand.id(), brand));
        Instant newest = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int stored = 0;
        long storeNanos = 0;
        long announceNanos = 0;
        ExecutorService senders = Executors.newFixedThreadPool(properties.announceThreads());
        try {
            for (int from = 0; from < count; from += properties.batchSize()) {
                int to = Math.min(count, from + properties.batchSize());
                List<String> ids = new ArrayList<>(to - from);
                for (int n = from; n < to; n++) {
                    ids.add(GeneratedCatalog.id(n));
                }
                Set<String> existing = store.existingIds(ids);
                List<Product> batch = new ArrayList<>(to - from);
                for (int n = from; n < to; n++) {
                    if (existing.contains(GeneratedCatalog.id(n))) {
                        continue;
                    }
                    DemoProduct product = generator.product(n);
                    List<FieldError> errors = ProductRules.check(product.draft());
                    if (!errors.isEmpty()) {
                        throw new IllegalStateException("generated product " + n + " breaks the rules: " + errors);
                    }
                    Brand brand = brandsById.get(product.draft().brandId());
                    // older as n grows, so that "newest" lists the curated products first
                    Instant createdAt = newest.minusSeconds(n + 1L);
                    batch.add(product.draft().toProduct(product.id(), product.draft().slug(),
                            product.draft().categoryId(), brand == null ? null : brand.ref(), Rating.NONE,
                            createdAt, createdAt, 1));
                }
                long storing = System.nanoTime();
                stored += store.insertAll(batch, product -> List.of(ProductEvents.created(product)));
                long announcing = System.nanoTime();
                announce(senders, batch);
                storeNanos += announcing - storing;
                announceNanos += System.nanoTime() - announcing;
                if (to % 10_000 < properties.batchSize() || to == count) {
                    log.info("demo catalog: {} of {} generated products in place ({} s storing, {} s announcing)",
                            to, count, storeNanos / 1_000_000_000, announceNanos / 1_000_000_000);
                }
            }
        } finally {
            senders.shutdownNow();
        }
        return stored;
    }

    /** Sends the batch's events concurrently: one at a time, a hundred thousand take minutes. */
    private void announce(ExecutorService senders, List<Product> batch) {
        List<Future<?>> sends = new ArrayList<>(batch.size());
        for (Product product : batch) {
            sends.add(senders.submit(() -> store.announce(product.id())));
        }
        for (Future<?> send : sends) {
            try {
                send.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                // what was not sent stays in its document for the outbox sweep
                log.warn("demo catalog: an announcement failed and is left to the sweep: {}", e.getCause().toString());
            }
        }
    }
}
