package io.tienda.product.brand.persistence;

import io.tienda.product.brand.domain.Brand;
import io.tienda.product.brand.domain.Brands;
import io.tienda.product.shared.AnnouncementNote;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.springframework.data.mongodb.core.query.Criteria.where;

@Repository
class MongoBrands implements Brands {

    /** Brands number in the hundreds; the whole list is one read. */
    private static final int LIMIT = 5_000;

    private final MongoTemplate mongo;

    /**
     * Beside the fields of {@link BrandDocument}: set while the brand's products are still to be given its new
     * name after a rename, counting the renames not yet relabelled.
     */
    private final AnnouncementNote relabelNote;

    MongoBrands(MongoTemplate mongo) {
        this.mongo = mongo;
        this.relabelNote = new AnnouncementNote(mongo, BrandIndexes.COLLECTION);
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
            AnnouncementNote.raise(update);
        }
        Document stored = mongo.findAndModify(unchanged, update, FindAndModifyOptions.options().returnNew(true),
                Document.class, BrandIndexes.COLLECTION);
        return stored == null ? OptionalLong.empty() : OptionalLong.of(AnnouncementNote.of(stored));
    }

    @Override
    public long productsToRelabel(String id) {
        return relabelNote.of(id);
    }

    @Override
    public Map<String, Long> withProductsToRelabel() {
        return relabelNote.all();
    }

    @Override
    public void relabelled(String id, long note) {
        relabelNote.clear(id, note);
    }
}
