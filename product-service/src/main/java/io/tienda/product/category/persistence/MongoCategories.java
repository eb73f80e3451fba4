package io.tienda.product.category.persistence;

import io.tienda.product.category.domain.Categories;
import io.tienda.product.category.domain.Category;
import io.tienda.product.shared.AnnouncementNote;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.springframework.data.mongodb.core.query.Criteria.where;

@Repository
class MongoCategories implements Categories {

    /** A catalog has hundreds of categories, not millions: the whole tree is one read. */
    private static final int LIMIT = 5_000;

    private final MongoTemplate mongo;

    /**
     * Beside the fields of {@link CategoryDocument}: set while the products below the category are still
     * to be announced again after a move or a rename, counting the changes not yet announced.
     */
    private final AnnouncementNote announceNote;

    MongoCategories(MongoTemplate mongo) {
        this.mongo = mongo;
        this.announceNote = new AnnouncementNote(mongo, CategoryDocument.COLLECTION);
    }

    @Override
    public List<Category> all() {
        Query query = new Query().with(Sort.by("path", "sortOrder")).limit(LIMIT);
        return mongo.find(query, CategoryDocument.class).stream().map(CategoryDocument::toDomain).toList();
    }

    @Override
    public Optional<Category> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, CategoryDocument.class)).map(CategoryDocument::toDomain);
    }

    @Override
    public Optional<Category> bySlug(String slug) {
        return Optional.ofNullable(mongo.findOne(Query.query(where("slug").is(slug)), CategoryDocument.class))
                .map(CategoryDocument::toDomain);
    }

    @Override
    public List<Category> lineage(String categoryId) {
        List<Category> lineage = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String next = categoryId;
        // walks the parent links rather than trusting the stored path, and stops on a cycle in bad data
        while (next != null && seen.add(next)) {
            Optional<Category> category = byId(next);
            if (category.isEmpty()) {
                break;
            }
            lineage.add(category.get());
            next = category.get().parentId();
        }
        Collections.reverse(lineage);
        return List.copyOf(lineage);
    }

    @Override
    public List<String> subtreeIds(Category category) {
        // follows the parent links, which every write keeps right, rather than the derived paths
        Map<String, List<String>> children = new HashMap<>();
        for (Category each : all()) {
            if (each.parentId() != null) {
                children.computeIfAbsent(each.parentId(), k -> new ArrayList<>()).add(each.id());
            }
        }
        List<String> ids = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(category.id()));
        while (!pending.isEmpty()) {
            String id = pending.pop();
            if (seen.add(id)) {
                ids.add(id);
                pending.addAll(children.getOrDefault(id, List.of()));
            }
        }
        return ids;
    }

    @Override
    public void insert(Category category) {
        mongo.insert(CategoryDocument.of(category));
    }

    @Override
    public long replace(Category category, boolean productsToAnnounce) {
        Document replaced = new Document();
        mongo.getConverter().write(CategoryDocument.of(category), replaced);
        // the category's own fields rather than a whole new document, so that a note left earlier stays
        Update update = new Update();
        for (String field : List.of("slug", "name", "parentId", "path", "sortOrder")) {
            if (replaced.containsKey(field)) {
                update.set(field, replaced.get(field));
            } else {
                update.unset(field); // e.g. the parent of a category made a root
            }
        }
        if (productsToAnnounce) {
            AnnouncementNote.raise(update);
        }
        Document stored = mongo.findAndModify(Query.query(where("_id").is(category.id())), update,
                FindAndModifyOptions.options().returnNew(true), Document.class, CategoryDocument.COLLECTION);
        return AnnouncementNote.of(stored);
    }

    @Override
    public Map<String, Long> withProductsToAnnounce() {
        return announceNote.all();
    }

    @Override
    public void announced(String id, long note) {
        announceNote.clear(id, note);
    }

    @Override
    public void delete(String id) {
        mongo.remove(Query.query(where("_id").is(id)), CategoryDocument.COLLECTION);
    }

    @Override
    public void setPath(String id, String path) {
        mongo.updateFirst(Query.query(where("_id").is(id)), new Update().set("path", path),
                CategoryDocument.COLLECTION);
    }
}
