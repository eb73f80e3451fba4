package io.tienda.product.offer.persistence;

import io.tienda.platform.web.Page;
import io.tienda.product.offer.domain.Offer;
import io.tienda.product.offer.domain.Offers;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Date;

import static org.springframework.data.mongodb.core.query.Criteria.where;

@Repository
class MongoOffers implements Offers {

    private static final Sort LATEST_FIRST = Sort.by(Sort.Direction.DESC, "startsAt", "_id");

    private final MongoTemplate mongo;

    MongoOffers(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Page<Offer> liveAt(Instant now, int page, int size) {
        Date at = Date.from(now);
        // endsAt null (or absent) means the offer runs until someone ends it
        Criteria live = where("active").is(true).and("startsAt").lte(at)
                .orOperator(where("endsAt").gt(at), where("endsAt").is(null));
        Query query = Query.query(live).with(LATEST_FIRST).skip(Page.offset(page, size)).limit(size);
        var items = mongo.find(query, OfferDocument.class).stream().map(OfferDocument::toDomain).toList();
        return new Page<>(items, page, size, mongo.count(Query.query(live), OfferDocument.class));
    }
}
