package io.tienda.product.brand.persistence;

import io.tienda.product.brand.domain.Brand;
import io.tienda.product.brand.domain.Brands;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.springframework.data.mongodb.core.query.Criteria.where;

@Repository
class MongoBrands implements Brands {

    /** Brands number in the hundreds; the whole list is one read. */
    private static final int LIMIT = 5_000;

    /**
     * Beside the fields of {@link BrandDocument}: set while the brand's products are still to be given
     * its new copy after a rename, counting the renames not yet relabelled. It works as the categories'
     * note does; the lines are not shared, since a feature's storage is its own.
     */
    private static final String PRODUCTS_TO_ANNOUNCE = "productsToAnnounce";

    private final MongoTemplate mongo;

    MongoBrands(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<Brand> all() {
        return mongo.find(new Query().with(Sort.by("name", "_id")).limit(LIMIT), BrandDocument.class).stream()
                .map(BrandDocument::toDomain).toList();
    }

    @Override
    public Optional<Brand> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, BrandDocument.class)).map(BrandDocument::toDomain);
    }

    @Override
    public Optional<Brand> bySlug(String slug) {
        return Optional.ofNullable(mongo.findOne(Query.query(where("slug").is(slug)), BrandDocument.class))
                .map(BrandDocument::toDomain);
    }

    @Override
    public void insert(Brand brand) {
        mongo.insert(BrandDocument.of(brand));
    }

    @Override
    public OptionalLong replace(Brand brand, boolean productsToRelabel) {
        long previous = brand.version() - 1;
        // brands stored before versions existed have none: they count as version 0
        Query unchanged = Query.query(where("_id").is(brand.id()).orOperator(where("version").is(previous),
                previous == 0 ? where("version").exists(false) : where("version").is(previous)));
        // the brand's own fields rather than a whole new document, so that a note left earlier stays
        Update update = new Update().set("slug", brand.slug()).set("name", brand.name())
                .set("logoUrl", brand.logoUrl()).set("version", brand.version());
        if (productsToRelabel) {
            update.inc(PRODUCTS_TO_ANNOUNCE, 1L);
        }
        Document stored = mongo.findAndModify(unchanged, update, FindAndModifyOptions.options().returnNew(true),
                Document.class, BrandIndexes.COLLECTION);
        return stored == null ? OptionalLong.empty() : OptionalLong.of(note(stored));
    }

    @Override
    public long productsToRelabel(String id) {
        Query brand = Query.query(where("_id").is(id));
        brand.fields().include(PRODUCTS_TO_ANNOUNCE);
        Document stored = mongo.findOne(brand, Document.class, BrandIndexes.COLLECTION);
        return stored == null ? 0 : note(stored);
    }

    @Override
    public Map<String, Long> withProductsToRelabel() {
        Query noted = Query.query(where(PRODUCTS_TO_ANNOUNCE).exists(true));
        noted.fields().include("_id").include(PRODUCTS_TO_ANNOUNCE);
        Map<String, Long> notes = new HashMap<>();
        mongo.find(noted, Document.class, BrandIndexes.COLLECTION)
                .forEach(document -> notes.put(document.getString("_id"), note(document)));
        return notes;
    }

    @Override
    public void relabelled(String id, long note) {
        mongo.updateFirst(Query.query(where("_id").is(id).and(PRODUCTS_TO_ANNOUNCE).is(note)),
                new Update().unset(PRODUCTS_TO_ANNOUNCE), BrandIndexes.COLLECTION);
    }

    private static long note(Document stored) {
        Object note = stored.get(PRODUCTS_TO_ANNOUNCE);
        return note instanceof Number number ? number.longValue() : 0;
    }
}
