package io.tienda.product.brand.persistence;

import io.tienda.product.brand.domain.Brand;
import io.tienda.product.brand.domain.Brands;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

@Repository
class MongoBrands implements Brands {

    /** Brands number in the hundreds; the whole list is one read. */
    private static final int LIMIT = 5_000;

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
    public boolean replace(Brand brand) {
        long previous = brand.version() - 1;
        // brands stored before versions existed have none: they count as version 0
        Query unchanged = Query.query(where("_id").is(brand.id()).orOperator(where("version").is(previous),
                previous == 0 ? where("version").exists(false) : where("version").is(previous)));
        Update update = new Update().set("slug", brand.slug()).set("name", brand.name())
                .set("logoUrl", brand.logoUrl()).set("version", brand.version());
        return mongo.updateFirst(unchanged, update, BrandDocument.class).getMatchedCount() == 1;
    }
}
