package io.tienda.product.catalog.persistence;

import com.mongodb.client.result.UpdateResult;
import io.tienda.platform.events.Topics;
import io.tienda.platform.messaging.OutboundMessage;
import io.tienda.platform.outbox.MongoOutbox;
import io.tienda.product.catalog.domain.CatalogConflict;
import io.tienda.product.catalog.domain.Product;
import io.tienda.product.catalog.domain.ProductStore;
import io.tienda.product.catalog.domain.StockState;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static io.tienda.product.catalog.persistence.ProductDocument.COLLECTION;
import static io.tienda.product.catalog.persistence.ProductDocument.live;
import static io.tienda.product.catalog.persistence.ProductDocument.unlessDeleted;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Every write to the {@code products} collection. Each stores the change and its events in one
 * document write, guarded by what was read (version and stock revision), and retries when another
 * writer got in between. Slugs and SKUs are kept unique by the collection's unique indexes alone: a
 * write they refuse is turned into a {@link CatalogConflict} naming everything that is taken.
 */
@Repository
class MongoProductStore implements ProductStore {

    private static final Logger log = LoggerFactory.getLogger(MongoProductStore.class);

    /** Writers racing on one product each retry; more than this many losses in a row means something is wrong. */
    private static final int ATTEMPTS = 20;
    /** Fields a replacement never touches: identity, bookkeeping of the outbox and the inbox, stock revision. */
    private static final Set<String> KEPT = Set.of("_id", "stockRevision", MongoOutbox.FIELD, "_appliedEvents");

    private final MongoTemplate mongo;
    private final MongoOutbox outbox;
    private final Clock clock;

    MongoProductStore(MongoTemplate mongo, MongoOutbox outbox, Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void insert(Product product, List<Object> events) {
        Document document = outbox.withMessages(bson(product), messages(product.id(), events));
        try {
            mongo.insert(document, COLLECTION);
        } catch (DuplicateKeyException e) {
            // a product with the same id counts: what it holds is as taken as anyone else's
            throw conflict(product, null);
        }
    }

    @Override
    public Optional<Product> modify(String id, Function<Product, Change> change) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document stored = unlessDeleted(mongo.findOne(Query.query(where("_id").is(id)), Document.class, COLLECTION));
            if (stored == null) {
                return Optional.empty();
            }
            Product current = read(stored);
            Change next = change.apply(current);
            if (next == null) {
                return Optional.of(current);
            }
            Document document = bson(next.after());
            Update update = new Update();
            document.forEach((field, value) -> {
                if (!"_id".equals(field) && !"stockRevision".equals(field)) {
                    update.set(field, value);
                }
            });
            // what the new state leaves out (e.g. a compare-at price taken away) must go, not linger
            stored.keySet().stream().filter(field -> !document.containsKey(field) && !KEPT.contains(field))
                    .forEach(update::unset);
            // the replaced variants carry the stock read above; a stock update since then must win
            update.inc("stockRevision", 1);
            try {
                UpdateResult result = mongo.updateFirst(unchangedSince(id, stored),
                        outbox.withMessages(update, messages(id, next.events())), COLLECTION);
                if (result.getMatchedCount() == 1) {
                    return Optional.of(next.after());
                }
            } catch (DuplicateKeyException e) {
                throw conflict(next.after(), id);
            }
        }
        throw new OptimisticLockingFailureException("product " + id + " keeps changing; try again");
    }

    @Override
    public Optional<Product> delete(String id, Function<Product, List<Object>> eventsOf) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document stored = unlessDeleted(mongo.findOne(Query.query(where("_id").is(id)), Document.class, COLLECTION));
            if (stored == null) {
                return Optional.empty();
            }
            Product current = read(stored);
            List<Object> events = eventsOf.apply(current);
            Update tombstone = new Update().set("deleted", true).set("deletedAt", clock.instant())
                    .set("active", false).set("updatedAt", clock.instant()).inc("version", 1);
            if (mongo.updateFirst(unchangedSince(id, stored), outbox.withMessages(tombstone, messages(id, events)),
                    COLLECTION).getMatchedCount() == 1) {
                return Optional.of(current);
            }
        }
        throw new OptimisticLockingFailureException("product " + id + " keeps changing; try again");
    }

    @Override
    public void announce(String id) {
        outbox.flush(COLLECTION, id);
    }

    @Override
    public StockUpdate applyStock(String sku, StockState stock) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Query bySku = Query.query(where("variants.sku").is(sku));
            bySku.fields().include("variants").include("stockRevision").include("version").include("deleted");
            Document stored = unlessDeleted(mongo.findOne(bySku, Document.class, COLLECTION));
            if (stored == null) {
                return StockUpdate.UNKNOWN_SKU;
            }
            List<Document> variants = stored.getList("variants", Document.class, List.of());
            int index = -1;
            boolean othersInStock = false;
            for (int i = 0; i < variants.size(); i++) {
                if (sku.equals(variants.get(i).getString("sku"))) {
                    index = i;
                } else {
                    othersInStock |= stockOf(variants.get(i)).inStock();
                }
            }
            if (index < 0 || !stock.isNewerThan(stockOf(variants.get(index)))) {
                return index < 0 ? StockUpdate.UNKNOWN_SKU : StockUpdate.STALE;
            }
            Update update = new Update()
                    .set("variants." + index + ".stock", new Document("available", stock.available())
                            .append("version", stock.version()))
                    .set("inStock", othersInStock || stock.inStock())
                    .inc("stockRevision", 1);
            Query unchanged = Query.query(where("_id").is(stored.get("_id"))
                    .andOperator(same("stockRevision", stored.get("stockRevision"))));
            if (mongo.updateFirst(unchanged, update, COLLECTION).getMatchedCount() == 1) {
                return StockUpdate.APPLIED;
            }
        }
        throw new OptimisticLockingFailureException("stock of " + sku + " keeps changing; try again");
    }

    @Override
    public Set<String> existingIds(Collection<String> ids) {
        Query query = Query.query(where("_id").in(ids));
        query.fields().include("_id");
        Set<String> existing = new HashSet<>();
        mongo.find(query, Document.class, COLLECTION).forEach(document -> existing.add(document.getString("_id")));
        return existing;
    }

    @Override
    public int insertAll(List<Product> products, Function<Product, List<Object>> eventsOf) {
        if (products.isEmpty()) {
            return 0;
        }
        List<Document> documents = new ArrayList<>(products.size());
        for (Product product : products) {
            documents.add(outbox.withMessages(bson(product), messages(product.id(), eventsOf.apply(product))));
        }
        try {
            return mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION).insert(documents).execute()
                    .getInsertedCount();
        } catch (BulkOperationException e) {
            // another writer got some of them first: theirs stand, ours were not inserted
            log.info("{} of {} products were already stored", e.getErrors().size(), products.size());
            return e.getResult().getInsertedCount();
        }
    }

    @Override
    public List<String> idsWithBrand(String brandId, String after, int limit) {
        return idsAfter(live().and("brand.id").is(brandId), after, limit);
    }

    @Override
    public List<String> idsInCategories(Collection<String> categoryIds, String after, int limit) {
        return idsAfter(live().and("categoryId").in(categoryIds), after, limit);
    }

    /** A page of the ids {@code criteria} selects, in order, after {@code after}: never the whole set at once. */
    private List<String> idsAfter(Criteria criteria, String after, int limit) {
        if (after != null) {
            criteria = criteria.and("_id").gt(after);
        }
        Query query = Query.query(criteria).with(Sort.by("_id")).limit(limit);
        query.fields().include("_id");
        return mongo.find(query, Document.class, COLLECTION).stream().map(document -> document.getString("_id"))
                .toList();
    }

    /**
     * What a refused write collided with, looked up after the refusal: the error names only the
     * first key an index met, and staff are told every SKU to change. Tombstones keep their slug and
     * SKUs, so what collided is still there to be found.
     *
     * @param exceptId the product being written, whose own slug and SKUs do not count; null for none
     */
    private CatalogConflict conflict(Product product, String exceptId) {
        Criteria slug = where("slug").is(product.slug());
        boolean slugTaken = mongo.exists(Query.query(exceptId == null ? slug : slug.and("_id").ne(exceptId)),
                COLLECTION);
        return new CatalogConflict(slugTaken ? product.slug() : null, skusTaken(product.skus(), exceptId));
    }

    private Set<String> skusTaken(Collection<String> skus, String exceptId) {
        if (skus.isEmpty()) {
            return Set.of();
        }
        Criteria criteria = where("variants.sku").in(skus);
        if (exceptId != null) {
            criteria = criteria.and("_id").ne(exceptId);
        }
        Query query = Query.query(criteria);
        query.fields().include("variants.sku");
        Set<String> taken = new HashSet<>();
        for (Document document : mongo.find(query, Document.class, COLLECTION)) {
            for (Document variant : document.getList("variants", Document.class, List.of())) {
                if (skus.contains(variant.getString("sku"))) {
                    taken.add(variant.getString("sku"));
                }
            }
        }
        return taken;
    }

    /** Matches the document only while its version and variants are as they were read. */
    private static Query unchangedSince(String id, Document stored) {
        return Query.query(where("_id").is(id).andOperator(same("version", stored.get("version")),
                same("stockRevision", stored.get("stockRevision"))));
    }

    /** A field still holding {@code value}; documents written before the field existed hold nothing. */
    private static Criteria same(String field, Object value) {
        return value == null ? where(field).exists(false) : where(field).is(value);
    }

    private Product read(Document stored) {
        return mongo.getConverter().read(ProductDocument.class, stored).toDomain();
    }

    private Document bson(Product product) {
        Document document = new Document();
        mongo.getConverter().write(ProductDocument.of(product), document);
        document.remove("_class");
        return document;
    }

    private OutboundMessage[] messages(String id, List<Object> events) {
        return events.stream().map(event -> outbox.message(Topics.PRODUCT_EVENTS, id, event))
                .toArray(OutboundMessage[]::new);
    }

    private static StockState stockOf(Document variant) {
        Document stock = variant.get("stock", Document.class);
        if (stock == null) {
            return StockState.UNKNOWN;
        }
        return new StockState(((Number) stock.get("available")).intValue(), ((Number) stock.get("version")).longValue());
    }
}
