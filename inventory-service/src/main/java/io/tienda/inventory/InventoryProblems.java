package io.tienda.inventory;

import io.tienda.platform.problem.DomainException;
import io.tienda.platform.problem.ProblemType;

import java.util.List;
import java.util.Map;

/** The problems inventory answers beyond the platform's, with the field that caused them where there is one. */
public final class InventoryProblems {

    private InventoryProblems() {
    }

    /** A field is wrong in a way bean validation cannot see; the same shape as a validation problem. */
    public static DomainException invalidField(String field, String message) {
        return withField(ProblemType.VALIDATION, field, message, "Invalid fields: " + field);
    }

    /** A well-formed request names a warehouse that does not exist. */
    public static DomainException unknownWarehouse(String field, String code) {
        return withField(ProblemType.UNPROCESSABLE, field, "no warehouse has this code",
                "There is no warehouse " + code);
    }

    /** Taking the units would leave fewer on hand than are reserved, or fewer than none. */
    public static DomainException insufficientStock(String detail) {
        return DomainException.custom(409, "insufficient-stock", "Not enough stock", detail);
    }

    private static DomainException withField(ProblemType type, String field, String message, String detail) {
        return new DomainException(type.status(), type.uri(), type.title(), detail,
                Map.of("errors", List.of(Map.of("field", field, "message", message))));
    }
}
