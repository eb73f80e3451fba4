package io.tienda.product.catalog.persistence;

import com.mongodb.client.result.UpdateResult;
import io.tienda.platform.events.Topics;
import io.tienda.platform.messaging.OutboundMessage;
import io.tienda.platform.outbox.MongoOutbox;
import io.tienda.platform.web.Page;
import io.tienda.product.catalog.domain.CatalogConflict;
import io.tienda.product.catalog.domain.Product;
import io.tienda.product.catalog.domain.ProductCatalog;
import io.tienda.product.catalog.domain.ProductEvents;
import io.tienda.product.catalog.domain.ProductFilter;
import io.tienda.product.catalog.domain.ProductQuery;
import io.tienda.product.catalog.domain.ProductSort;
import io.tienda.product.catalog.domain.ProductStore;
import io.tienda.product.catalog.domain.Rating;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.springframework.data.mongodb.core.query.Criteria.where;

@Repository
class MongoProductCatalog implements ProductCatalog, ProductStore {

    /** Products per reply when walking the whole catalog. */
    private static final int SCAN_BATCH = 500;

    private static final Logger log = LoggerFactory.getLogger(MongoProductCatalog.class);

    /** Served by the index on (active, createdAt); the id breaks ties so pages never overlap. */
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "createdAt", "_id");
    private static final Pattern REGEX_SPECIALS = Pattern.compile("[\\\\^$.|?*+()\\[\\]{}]");
    /** Writers racing on one product each retry; more than this many losses in a row means something is wrong. */
    private static final int ATTEMPTS = 20;
    private static final String COLLECTION = ProductDocument.COLLECTION;
    /** Fields a replacement never touches: identity, bookkeeping of the outbox and the inbox, stock revision. */
    private static final Set<String> KEPT = Set.of("_id", "stockRevision", MongoOutbox.FIELD, "_appliedEvents");

    private final MongoTemplate mongo;
    private final MongoOutbox outbox;
    private final Clock clock;

    MongoProductCatalog(MongoTemplate mongo, MongoOutbox outbox, Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
    }

    // ---- reads

    @Override
    public Page<Product> active(int page, int size) {
        return find(live().and("active").is(true), NEWEST_FIRST, page, size);
    }

    @Override
    public Page<Product> activeWithNameContaining(String text, int page, int size) {
        return find(live().and("active").is(true).orOperator(where("name.es").regex(literal(text), "i"),
                where("name.en").regex(literal(text), "i")), NEWEST_FIRST, page, size);
    }

    @Override
    public Optional<Product> byId(String id) {
        // by id alone, then the tombstone check here: a query on the id plus another field is not
        // served by the id index on every server (mongo-java-server scans the collection for it)
        return Optional.ofNullable(mongo.findById(id, ProductDocument.class))
                .filter(document -> !Boolean.TRUE.equals(document.deleted()))
                .map(ProductDocument::toDomain);
    }

    @Override
    public List<Product> byIds(Collection<String> ids) {
        return mongo.find(Query.query(where("_id").in(ids)), ProductDocument.class).stream()
                .filter(document -> !Boolean.TRUE.equals(document.deleted()))
                .map(ProductDocument::toDomain).toList();
    }

    @Override
    public Optional<Product> bySlug(String slug) {
        return Optional.ofNullable(mongo.findOne(Query.query(live().and("slug").is(slug)), ProductDocument.class))
                .map(ProductDocument::toDomain);
    }

    @Override
    public List<Product> bySkus(Collection<String> skus) {
        return mongo.find(Query.query(live().and("variants.sku").in(skus)), ProductDocument.class).stream()
                .map(ProductDocument::toDomain).toList();
    }

    /**
     * One cursor read in batches: without a batch size a server may answer the whole cursor in a
     * single reply (mongo-java-server does), which a large catalog makes bigger than the driver
     * accepts. A document that cannot be read is logged and skipped, so one bad product cannot stop
     * a rebuild of everything else.
     */
    @Override
    public void forEach(Consumer<Product> action) {
        Query all = Query.query(live()).with(Sort.by("_id")).cursorBatchSize(SCAN_BATCH);
        try (var documents = mongo.stream(all, Document.class, ProductDocument.COLLECTION)) {
            documents.forEach(document -> {
                Product product;
                try {
                    product = mongo.getConverter().read(ProductDocument.class, document).toDomain();
                } catch (RuntimeException unreadable) {
                    log.warn("product {} cannot be read and is skipped: {}", document.get("_id"),
                            unreadable.toString());
                    return;
                }
                action.accept(product);
            });
        }
    }

    @Override
    public Page<Product> find(ProductQuery query, int page, int size) {
        return find(criteria(query), sort(query.sort()), page, size);
    }

    @Override
    public boolean anyInCategories(Collection<String> categoryIds) {
        return mongo.exists(Query.query(live().and("categoryId").in(categoryIds)), COLLECTION);
    }

    @Override
    public Optional<Product> rate(String productId, Rating rating) {
        Optional<Product> rated = modify(productId, product -> {
            Product next = product.withRating(rating, product.updatedAt());
            return new Change(next, List.of(ProductEvents.updated(next)));
        });
        rated.ifPresent(product -> announce(product.id()));
        return rated;
    }

    // ---- writes

    @Override
    public void insert(Product product, List<Object> events) {
        Document document = outbox.withMessages(bson(product), messages(product.id(), events));
        try {
            mongo.insert(document, COLLECTION);
        } catch (DuplicateKeyException e) {
            throw conflict(e);
        }
    }

    @Override
    public Optional<Product> modify(String id, Function<Product, Change> change) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document stored = mongo.findOne(Query.query(live().and("_id").is(id)), Document.class, COLLECTION);
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
                throw conflict(e);
            }
        }
        throw new OptimisticLockingFailureException("product " + id + " keeps changing; try again");
    }

    @Override
    public Optional<Product> delete(String id, Function<Product, List<Object>> eventsOf) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document stored = mongo.findOne(Query.query(live().and("_id").is(id)), Document.class, COLLECTION);
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
            Query bySku = Query.query(live().and("variants.sku").is(sku));
            bySku.fields().include("variants").include("stockRevision").include("version");
            Document stored = mongo.findOne(bySku, Document.class, COLLECTION);
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
    public boolean slugTaken(String slug, String exceptId) {
        Criteria criteria = where("slug").is(slug);
        if (exceptId != null) {
            criteria = criteria.and("_id").ne(exceptId);
        }
        return mongo.exists(Query.query(criteria), COLLECTION);
    }

    @Override
    public Set<String> skusTaken(Collection<String> skus, String exceptId) {
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

    @Override
    public List<String> idsWithBrand(String brandId) {
        Query query = Query.query(live().and("brand.id").is(brandId)).with(Sort.by("_id"));
        query.fields().include("_id");
        return mongo.find(query, Document.class, COLLECTION).stream().map(document -> document.getString("_id"))
                .toList();
    }

    // ---- helpers

    private Page<Product> find(Criteria criteria, Sort sort, int page, int size) {
        Query query = Query.query(criteria).with(sort).skip(Page.offset(page, size)).limit(size);
        var items = mongo.find(query, ProductDocument.class).stream().map(ProductDocument::toDomain).toList();
        long total = mongo.count(Query.query(criteria), ProductDocument.class);
        return new Page<>(items, page, size, total);
    }

    static Criteria criteria(ProductQuery query) {
        ProductFilter filter = query.filter();
        List<Criteria> all = new ArrayList<>();
        all.add(where("deleted").ne(true));
        if (!query.includeInactive()) {
            all.add(where("active").is(true));
        }
        if (query.categoryIds() != null) {
            all.add(where("categoryId").in(query.categoryIds()));
        }
        if (filter.brand() != null) {
            all.add(where("brand.slug").is(filter.brand()));
        }
        if (filter.minPrice() != null) {
            all.add(where("fromPrice").gte(filter.minPrice()));
        }
        if (filter.maxPrice() != null) {
            all.add(where("fromPrice").lte(filter.maxPrice()));
        }
        if (filter.inStock() != null) {
            all.add(filter.inStock() ? where("inStock").is(true) : where("inStock").ne(true));
        }
        if (filter.featured() != null) {
            all.add(filter.featured() ? where("featured").is(true) : where("featured").ne(true));
        }
        if (!filter.attributes().isEmpty()) {
            // all the attributes on ONE variant: "red in size M", not "something red and something in M"
            List<Criteria> attributes = new ArrayList<>();
            for (Map.Entry<String, String> attribute : filter.attributes().entrySet()) {
                attributes.add(where("attributes." + attribute.getKey())
                        .regex("^" + literal(attribute.getValue()) + "$", "i"));
            }
            all.add(where("variants").elemMatch(new Criteria().andOperator(attributes)));
        }
        return new Criteria().andOperator(all);
    }

    static Sort sort(ProductSort sort) {
        return switch (sort) {
            case NEWEST, RELEVANCE -> NEWEST_FIRST;
            case PRICE_ASC -> Sort.by(Sort.Order.asc("fromPrice"), Sort.Order.asc("_id"));
            case PRICE_DESC -> Sort.by(Sort.Order.desc("fromPrice"), Sort.Order.asc("_id"));
            case RATING -> Sort.by(Sort.Order.desc("rating.average"), Sort.Order.desc("rating.count"),
                    Sort.Order.asc("_id"));
        };
    }

    private static Criteria live() {
        return where("deleted").ne(true);
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

    private static CatalogConflict conflict(DuplicateKeyException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("slug")) {
            return new CatalogConflict(CatalogConflict.Kind.SLUG, "the slug is taken");
        }
        if (message.contains("sku")) {
            return new CatalogConflict(CatalogConflict.Kind.SKU, "a SKU is taken");
        }
        return new CatalogConflict(CatalogConflict.Kind.ID, "the product already exists");
    }

    /** Shoppers type text, not patterns: "usb-c (2m)" must match itself, not a regex group. */
    static String literal(String text) {
        return REGEX_SPECIALS.matcher(text).replaceAll(m -> Matcher.quoteReplacement("\\" + m.group()));
    }
}
