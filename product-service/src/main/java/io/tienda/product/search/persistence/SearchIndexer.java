package io.tienda.product.search.persistence;

import io.tienda.product.catalog.domain.Product;
import io.tienda.product.search.domain.CategoryLevel;
import io.tienda.product.search.domain.CategoryLineage;
import io.tienda.product.search.domain.StockUpdate;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Every write to the index goes through here: the full build from the catalog and the changes
 * announced on Kafka. Writes are serialized by one lock; each change reads what is indexed, so the
 * searcher is refreshed after every write and a change is visible to searches at once.
 *
 * <p>While a build runs, changes are not applied but remembered (the product ids to re-read and the
 * newest stock per SKU) and applied right after it: applying them during the build could let the
 * build's older read of a product overwrite a newer one. A build therefore never loses a change
 * that arrived while it ran, and searches keep the previous view until the build is complete,
 * because the searcher is refreshed only at its end.
 */
public final class SearchIndexer {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);
    private static final int DRAIN_SLICE = 500;

    /** What the indexer is doing, for readiness. */
    public enum State {
        NOT_BUILT, BUILDING, READY, FAILED
    }

    /** The outcome of the last full build. */
    public record BuildReport(State state, long documents, Instant finishedAt, Duration took, String error) {
    }

    private final ProductIndex index;
    private final SearchSchema schema;
    private final IndexLabels labels;
    private final CatalogReader catalog;
    private final CategoryLineage lineage;
    private final Clock clock;

    private final ReentrantLock writes = new ReentrantLock();
    private final Object pendingLock = new Object();
    private final Set<String> pendingProducts = new LinkedHashSet<>();
    private final Map<String, StockUpdate> pendingStock = new LinkedHashMap<>();
    private boolean building;
    private volatile boolean built;
    private volatile BuildReport lastBuild = new BuildReport(State.NOT_BUILT, 0, null, null, null);
    private final AtomicLong indexedInBuild = new AtomicLong();

    SearchIndexer(ProductIndex index, SearchSchema schema, IndexLabels labels, CatalogReader catalog,
            CategoryLineage lineage, Clock clock) {
        this.index = index;
        this.schema = schema;
        this.labels = labels;
        this.catalog = catalog;
        this.lineage = lineage;
        this.clock = clock;
    }

    public boolean built() {
        return built;
    }

    public BuildReport lastBuild() {
        return lastBuild;
    }

    /** Products written so far by the build under way. */
    public long indexedInBuild() {
        return indexedInBuild.get();
    }

    /**
     * Replaces the whole index with the active products of the catalog, keeping for each SKU the
     * newer of the stock MongoDB has and the stock already indexed.
     */
    public void rebuild() {
        synchronized (pendingLock) {
            building = true;
        }
        Instant started = clock.instant();
        indexedInBuild.set(0);
        lastBuild = new BuildReport(State.BUILDING, 0, lastBuild.finishedAt(), null, null);
        try {
            writes.lock();
            try {
                replaceAll();
            } finally {
                writes.unlock();
            }
            drainPending();
        } catch (RuntimeException e) {
            // changes stay deferred: applying them would make the half-written build visible, so
            // the caller retries the build, and searches keep the previous view meanwhile
            lastBuild = new BuildReport(State.FAILED, indexedInBuild.get(), clock.instant(),
                    Duration.between(started, clock.instant()), e.toString());
            throw e;
        }
        lastBuild = new BuildReport(State.READY, indexedInBuild.get(), clock.instant(),
                Duration.between(started, clock.instant()), null);
        log.info("search index built: {} active products in {} ms", indexedInBuild.get(),
                lastBuild.took().toMillis());
    }

    private void replaceAll() {
        try {
            index.refresh();
            ProductIndex.FacetedSearcher previous = index.acquire();
            try {
                Map<String, List<CategoryLevel>> lineages = new HashMap<>();
                index.deleteAll();
                catalog.forEach(product -> {
                    if (!product.active()) {
                        return;
                    }
                    try {
                        ObjectNode tree = StoredProducts.tree(product);
                        storedQuietly(previous, product.id())
                                .ifPresent(indexed -> StoredProducts.keepNewerStock(tree, indexed));
                        write(tree, lineages, false);
                        indexedInBuild.incrementAndGet();
                    } catch (UncheckedIOException e) {
                        throw e;
                    } catch (RuntimeException e) {
                        // one product the index cannot take must not keep every other one unsearchable
                        log.error("search index leaves out product {}: {}", product.id(), e.toString(), e);
                    }
                });
            } finally {
                index.release(previous);
            }
            index.refresh();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the search index", e);
        }
    }

    /**
     * Applies changes announced on Kafka: products to re-read from the catalog (created, updated,
     * deleted, repriced) and stock levels. Deferred while a build runs or before the first one.
     */
    public void apply(Collection<String> productIds, List<StockUpdate> stock) {
        synchronized (pendingLock) {
            if (building || !built) {
                hold(productIds, stock);
                return;
            }
        }
        applyNow(productIds, stock);
    }

    private static <T> List<T> take(Iterator<T> pending, int most) {
        List<T> taken = new ArrayList<>();
        while (pending.hasNext() && taken.size() < most) {
            taken.add(pending.next());
            pending.remove();
        }
        return taken;
    }

    /** Remembers changes for after the build; the caller holds {@code pendingLock}. */
    private void hold(Collection<String> productIds, List<StockUpdate> stock) {
        pendingProducts.addAll(productIds);
        for (StockUpdate update : stock) {
            pendingStock.merge(update.sku(), update, (a, b) -> a.version() >= b.version() ? a : b);
        }
    }

    private void drainPending() {
        while (true) {
            List<String> products;
            List<StockUpdate> stock;
            synchronized (pendingLock) {
                if (pendingProducts.isEmpty() && pendingStock.isEmpty()) {
                    building = false;
                    built = true;
                    return;
                }
                // in slices: a bulk import during the build may have left a change for every product
                products = take(pendingProducts.iterator(), DRAIN_SLICE);
                stock = take(pendingStock.values().iterator(), DRAIN_SLICE);
            }
            try {
                applyNow(products, stock);
            } catch (RuntimeException e) {
                synchronized (pendingLock) {
                    hold(products, stock);
                }
                throw e;
            }
        }
    }

    private void applyNow(Collection<String> productIds, List<StockUpdate> stock) {
        writes.lock();
        try {
            ProductIndex.FacetedSearcher searcher = index.acquire();
            try {
                Changes changes = new Changes();
                Map<String, Product> fresh = new HashMap<>();
                if (!productIds.isEmpty()) {
                    catalog.byIds(productIds).forEach(product -> fresh.put(product.id(), product));
                }
                for (String id : productIds) {
                    Product product = fresh.get(id);
                    if (product != null && product.active()) {
                        ObjectNode tree = StoredProducts.tree(product);
                        changes.current(searcher, id).ifPresent(indexed -> StoredProducts.keepNewerStock(tree, indexed));
                        changes.put(tree);
                    } else {
                        changes.delete(id);
                    }
                }
                for (StockUpdate update : stock) {
                    applyStock(searcher, changes, update);
                }
                Map<String, List<CategoryLevel>> lineages = new HashMap<>();
                for (ObjectNode tree : changes.upserts.values()) {
                    write(tree, lineages, true);
                }
                for (String id : changes.deletes) {
                    index.delete(id);
                }
            } finally {
                index.release(searcher);
            }
            index.refresh();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update the search index", e);
        } finally {
            writes.unlock();
        }
    }

    private void applyStock(ProductIndex.FacetedSearcher searcher, Changes changes, StockUpdate update)
            throws IOException {
        Optional<ObjectNode> indexed = changes.bySku(searcher, update.sku());
        if (indexed.isPresent()) {
            if (StoredProducts.applyStock(indexed.get(), update)) {
                changes.put(indexed.get());
            }
            return;
        }
        // not indexed: inactive, unknown, or created so recently that its product.created is still
        // on its way; in the last case the catalog already has it
        for (Product product : catalog.bySkus(List.of(update.sku()))) {
            if (product.active() && !changes.deletes.contains(product.id())) {
                ObjectNode tree = StoredProducts.tree(product);
                StoredProducts.applyStock(tree, update);
                changes.put(tree);
            }
        }
    }

    private void write(ObjectNode tree, Map<String, List<CategoryLevel>> lineages, boolean replace) {
        Product product = StoredProducts.product(tree);
        List<CategoryLevel> branch = product.categoryId() == null ? List.of()
                : lineages.computeIfAbsent(product.categoryId(), lineage::of);
        labels.learn(branch, product.brand());
        try {
            var document = schema.document(product, branch, StoredProducts.bytes(tree));
            if (replace) {
                index.upsert(product.id(), document);
            } else {
                index.add(document);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write product " + product.id() + " to the search index", e);
        }
    }

    private static Optional<ObjectNode> storedQuietly(ProductIndex.FacetedSearcher searcher, String id) {
        try {
            return stored(searcher, id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<ObjectNode> stored(ProductIndex.FacetedSearcher searcher, String id) throws IOException {
        return storedBy(searcher, new Term(SearchSchema.ID, id));
    }

    private static Optional<ObjectNode> storedBy(ProductIndex.FacetedSearcher searcher, Term term) throws IOException {
        TopDocs top = searcher.search(new TermQuery(term), 1);
        if (top.scoreDocs.length == 0) {
            return Optional.empty();
        }
        var document = searcher.storedFields().document(top.scoreDocs[0].doc, Set.of(SearchSchema.STORED));
        return Optional.of(StoredProducts.tree(document.getBinaryValue(SearchSchema.STORED).bytes));
    }

    /** The products one batch changes, so a later change in the batch builds on an earlier one. */
    private static final class Changes {

        final Map<String, ObjectNode> upserts = new LinkedHashMap<>();
        final Set<String> deletes = new LinkedHashSet<>();
        final Map<String, String> skuToId = new HashMap<>();

        void put(ObjectNode tree) {
            String id = StoredProducts.id(tree);
            upserts.put(id, tree);
            deletes.remove(id);
            tree.path("variants").forEach(variant -> skuToId.put(variant.path("sku").asString(""), id));
        }

        void delete(String id) {
            upserts.remove(id);
            deletes.add(id);
        }

        Optional<ObjectNode> current(ProductIndex.FacetedSearcher searcher, String id) throws IOException {
            if (upserts.containsKey(id)) {
                return Optional.of(upserts.get(id));
            }
            return deletes.contains(id) ? Optional.empty() : stored(searcher, id);
        }

        Optional<ObjectNode> bySku(ProductIndex.FacetedSearcher searcher, String sku) throws IOException {
            String id = skuToId.get(sku);
            if (id != null && upserts.containsKey(id)) {
                return Optional.of(upserts.get(id));
            }
            Optional<ObjectNode> indexed = storedBy(searcher, new Term(SearchSchema.SKU, sku));
            return indexed.filter(tree -> !deletes.contains(StoredProducts.id(tree))
                    && !upserts.containsKey(StoredProducts.id(tree)));
        }
    }
}
