package io.tienda.product.offer;

import io.tienda.platform.problem.DomainException;
import io.tienda.platform.problem.ProblemType;
import io.tienda.product.offer.domain.Violation;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The problems offers and coupons answer with. Their types are stable: the cart and the checkout
 * branch on them.
 */
public final class OfferProblems {

    private OfferProblems() {
    }

    /** 400 with every broken rule listed as {@code errors [{field, message}]}, like bean validation. */
    public static DomainException invalid(List<Violation> violations) {
        List<Map<String, String>> errors = violations.stream()
                .map(v -> Map.of("field", v.field(), "message", v.message())).toList();
        String fields = String.join(", ", violations.stream().map(Violation::field).distinct().toList());
        return new DomainException(ProblemType.VALIDATION.status(), ProblemType.VALIDATION.uri(),
                ProblemType.VALIDATION.title(), "Invalid fields: " + fields, Map.of("errors", errors));
    }

    static DomainException unknownTargets(List<String> ids) {
        return new DomainException(422, type("unknown-target"), "The offer names something the catalog does not have",
                "Unknown: " + String.join(", ", ids), Map.of("unknownIds", ids));
    }

    static DomainException codeTaken(String code) {
        return DomainException.custom(409, "coupon-code-taken", "The coupon code belongs to another offer",
                "Another offer already uses the code " + code);
    }

    static DomainException codeInUse(String code) {
        return DomainException.custom(409, "coupon-in-use", "The coupon has been used",
                "Orders have used " + code + "; its code can no longer change or go");
    }

    static DomainException changedMeanwhile(String id) {
        return DomainException.conflict("Offer " + id + " changed while this edit was made; reload it and try again");
    }

    static DomainException exhausted(String code, String detail) {
        return DomainException.custom(409, "coupon-exhausted", "The coupon has no uses left", detail + " (" + code + ")");
    }

    static DomainException expired(String code) {
        return DomainException.custom(409, "coupon-expired", "The coupon is not valid now",
                "The offer behind " + code + " has ended, not started yet or been withdrawn");
    }

    static DomainException minimumNotMet(String code) {
        return DomainException.custom(422, "coupon-minimum-not-met", "The order is below the coupon's minimum",
                "The order total is below the minimum order of " + code);
    }

    private static URI type(String slug) {
        return URI.create(ProblemType.BASE + slug);
    }
}
