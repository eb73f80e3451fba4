package io.tienda.product.catalog.persistence;

import io.tienda.platform.web.Page;
import io.tienda.product.catalog.domain.Product;
import io.tienda.product.catalog.domain.ProductCatalog;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import io.tienda.product.catalog.domain.Rating;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.springframework.data.mongodb.core.query.Criteria.where;

@Repository
class MongoProductCatalog implements ProductCatalog {

    /** Served by the index on (active, createdAt); the id breaks ties so pages never overlap. */
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "createdAt", "_id");
    private static final Pattern REGEX_SPECIALS = Pattern.compile("[\\\\^$.|?*+()\\[\\]{}]");

    private final MongoTemplate mongo;

    MongoProductCatalog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Page<Product> active(int page, int size) {
        return find(where("active").is(true), page, size);
    }

    @Override
    public Page<Product> activeWithNameContaining(String text, int page, int size) {
        return find(where("active").is(true).orOperator(where("name.es").regex(literal(text), "i"), where("name.en").regex(literal(text), "i")), page, size);
    }

    @Override
    public Optional<Product> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, ProductDocument.class)).map(ProductDocument::toDomain);
    }

    @Override
    public List<Product> bySkus(Collection<String> skus) {
        return mongo.find(Query.query(where("variants.sku").in(skus)), ProductDocument.class).stream()
                .map(ProductDocument::toDomain).toList();
    }

    @Override
    public void forEach(Consumer<Product> action) {
        try (var documents = mongo.stream(new Query().with(Sort.by("_id")), ProductDocument.class)) {
            documents.map(ProductDocument::toDomain).forEach(action);
        }
    }

    @Override
    public Optional<Product> rate(String productId, Rating rating) {
        Update update = new Update().set("rating", new ProductDocument.RatingField(rating.average(), rating.count()))
                .inc("version", 1);
        return Optional.ofNullable(mongo.findAndModify(Query.query(where("_id").is(productId)), update,
                FindAndModifyOptions.options().returnNew(true), ProductDocument.class)).map(ProductDocument::toDomain);
    }

    private Page<Product> find(Criteria criteria, int page, int size) {
        Query query = Query.query(criteria).with(NEWEST_FIRST).skip(Page.offset(page, size)).limit(size);
        var items = mongo.find(query, ProductDocument.class).stream().map(ProductDocument::toDomain).toList();
        long total = mongo.count(Query.query(criteria), ProductDocument.class);
        return new Page<>(items, page, size, total);
    }

    /** Shoppers type text, not patterns: "usb-c (2m)" must match itself, not a regex group. */
    static String literal(String text) {
        return REGEX_SPECIALS.matcher(text).replaceAll(m -> Matcher.quoteReplacement("\\" + m.group()));
    }
}
