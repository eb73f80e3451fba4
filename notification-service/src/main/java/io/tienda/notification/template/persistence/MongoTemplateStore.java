package io.tienda.notification.template.persistence;

import io.tienda.notification.template.domain.Template;
import io.tienda.notification.template.domain.TemplateStore;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Overrides in {@code templates}, one per (key, channel, locale); e-mail is the only templated channel. */
@Repository
class MongoTemplateStore implements TemplateStore {

    private static final String EMAIL = "EMAIL";

    private final MongoTemplate mongo;

    MongoTemplateStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<Template> find(String key, String locale) {
        return Optional.ofNullable(mongo.findOne(one(key, locale), TemplateDocument.class, TemplateIndexes.COLLECTION))
                .map(TemplateDocument::toDomain);
    }

    @Override
    public List<Template> all() {
        return mongo.findAll(TemplateDocument.class, TemplateIndexes.COLLECTION).stream()
                .map(TemplateDocument::toDomain).toList();
    }

    @Override
    public void save(Template template) {
        // The _id is derived from the unique key, so that two staff saving at once cannot make twins.
        mongo.upsert(one(template.key(), template.locale()), new Update()
                .setOnInsert("_id", template.key() + "/" + EMAIL + "/" + template.locale())
                .set("key", template.key()).set("channel", EMAIL).set("locale", template.locale())
                .set("subject", template.subject()).set("html", template.html()).set("text", template.text())
                .set("updatedAt", template.updatedAt()), TemplateIndexes.COLLECTION);
    }

    @Override
    public boolean delete(String key, String locale) {
        return mongo.remove(one(key, locale), TemplateIndexes.COLLECTION).getDeletedCount() > 0;
    }

    private static Query one(String key, String locale) {
        return Query.query(where("key").is(key).and("channel").is(EMAIL).and("locale").is(locale));
    }

    record TemplateDocument(String id, String key, String channel, String locale, String subject, String html,
            String text, Instant updatedAt) {

        Template toDomain() {
            return new Template(key, locale, subject, html, text, true, updatedAt);
        }
    }
}
