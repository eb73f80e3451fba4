package io.tienda.product.catalog.persistence;

import io.tienda.platform.core.Page;
import io.tienda.product.catalog.domain.Product;
import io.tienda.product.catalog.domain.ProductCatalog;
import io.tienda.product.catalog.domain.ProductEvents;
import io.tienda.product.catalog.domain.ProductFilter;
import io.tienda.product.catalog.domain.ProductQuery;
import io.tienda.product.catalog.domain.ProductSort;
import io.tienda.product.catalog.domain.ProductStore;
import io.tienda.product.catalog.domain.Rating;
import io.tienda.product.category.domain.CategorizedProducts;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.tienda.product.catalog.persistence.ProductDocument.COLLECTION;
import static io.tienda.product.catalog.persistence.ProductDocument.live;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Every read of the {@code products} collection: lists, product pages, lookups by id, slug and SKU,
 * and the walk over the whole catalog that search is rebuilt from. Deleted products (tombstones) are
 * never found here.
 */
@Repository
class MongoProductCatalog implements ProductCatalog, CategorizedProducts {

    /** Products per reply when walking the whole catalog. */
    private static final int SCAN_BATCH = 500;

    private static final Logger log = LoggerFactory.getLogger(MongoProductCatalog.class);

    /** Served by the index on (active, createdAt); the id breaks ties so pages never overlap. */
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "createdAt", "_id");
    private static final Pattern REGEX_SPECIALS = Pattern.compile("[\\\\^$.|?*+()\\[\\]{}]");

    private final MongoTemplate mongo;
    private final ProductStore store;

    MongoProductCatalog(MongoTemplate mongo, ProductStore store) {
        this.mongo = mongo;
        this.store = store;
    }

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
                .filter(ProductDocument::isLive)
                .map(ProductDocument::toDomain);
    }

    @Override
    public List<Product> byIds(Collection<String> ids) {
        return mongo.find(Query.query(where("_id").in(ids)), ProductDocument.class).stream()
                .filter(ProductDocument::isLive)
                .map(ProductDocument::toDomain).toList();
    }

    @Override
    public Optional<Product> bySlug(String slug) {
        // by the unique slug index alone, as byId, then the tombstone check
        return Optional.ofNullable(mongo.findOne(Query.query(where("slug").is(slug)), ProductDocument.class))
                .filter(ProductDocument::isLive)
                .map(ProductDocument::toDomain);
    }

    @Override
    public List<Product> bySkus(Collection<String> skus) {
        // by the unique SKU index alone, as byId: every price quote and stock change asks
        return mongo.find(Query.query(where("variants.sku").in(skus)), ProductDocument.class).stream()
                .filter(ProductDocument::isLive)
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
        try (var documents = mongo.stream(all, Document.class, COLLECTION)) {
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

    /** A rating is a change like any other: it goes through the store, with its event. */
    @Override
    public Optional<Product> rate(String productId, Supplier<Rating> rating) {
        Optional<Product> rated = store.modify(productId, product -> {
            // worked out after this read, so it is at least as new as any rating the read found
            Product next = product.withRating(rating.get(), product.updatedAt());
            return new ProductStore.Change(next, List.of(ProductEvents.updated(next)));
        });
        rated.ifPresent(product -> store.announce(product.id()));
        return rated;
    }

    private Page<Product> find(Criteria criteria, Sort sort, int page, int size) {
        Query query = Query.query(criteria).with(sort).skip(Page.offset(page, size)).limit(size);
        var items = mongo.find(query, ProductDocument.class).stream().map(ProductDocument::toDomain).toList();
        long total = mongo.count(Query.query(criteria), ProductDocument.class);
        return new Page<>(items, page, size, total);
    }

    static Criteria criteria(ProductQuery query) {
        ProductFilter filter = query.filter();
        List<Criteria> all = new ArrayList<>();
        all.add(live());
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

    /** Shoppers type text, not patterns: "usb-c (2m)" must match itself, not a regex group. */
    static String literal(String text) {
        return REGEX_SPECIALS.matcher(text).replaceAll(m -> Matcher.quoteReplacement("\\" + m.group()));
    }
}
