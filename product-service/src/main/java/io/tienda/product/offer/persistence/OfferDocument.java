package io.tienda.product.offer.persistence;

import io.tienda.platform.events.Money;
import io.tienda.product.offer.domain.Discount;
import io.tienda.product.offer.domain.Offer;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * An offer as stored in the {@code offers} collection: {@code kind} PERCENT with {@code percentOff},
 * or FIXED with {@code amountOff}.
 */
@Document(OfferDocument.COLLECTION)
record OfferDocument(@Id String id, String name, String kind, Integer percentOff, AmountField amountOff,
        AppliesToField appliesTo, String couponCode, Instant startsAt, Instant endsAt, boolean active) {

    static final String COLLECTION = "offers";

    Offer toDomain() {
        Discount discount = switch (kind) {
            case "PERCENT" -> new Discount.PercentOff(percentOff == null ? 0 : percentOff);
            case "FIXED" -> new Discount.AmountOff(amountOff == null ? null
                    : Money.of(amountOff.amount(), amountOff.currency()));
            default -> throw new IllegalStateException("offer " + id + " has an unknown kind " + kind);
        };
        Offer.AppliesTo target = appliesTo == null ? new Offer.AppliesTo(Offer.Scope.ALL, List.of())
                : new Offer.AppliesTo(Offer.Scope.valueOf(appliesTo.scope()), appliesTo.ids());
        return new Offer(id, name, discount, target, couponCode, startsAt, endsAt, active);
    }

    record AmountField(long amount, String currency) {
    }

    record AppliesToField(String scope, List<String> ids) {
    }
}
