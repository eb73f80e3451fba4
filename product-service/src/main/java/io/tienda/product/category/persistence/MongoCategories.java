package io.tienda.product.category.persistence;

import io.tienda.product.category.domain.Categories;
import io.tienda.product.category.domain.Category;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import java.util.List;

@Repository
class MongoCategories implements Categories {

    /** A catalog has hundreds of categories, not millions: the whole tree is one read. */
    private static final int LIMIT = 5_000;

    private final MongoTemplate mongo;

    MongoCategories(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<Category> all() {
        Query query = new Query().with(Sort.by("path", "sortOrder")).limit(LIMIT);
        return mongo.find(query, CategoryDocument.class).stream().map(CategoryDocument::toDomain).toList();
    }
}
