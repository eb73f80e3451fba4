package io.tienda.inventory;

import io.tienda.platform.web.ApiException;
import io.tienda.platform.web.ProblemType;

import java.util.List;
import java.util.Map;

/** The problems inventory answers beyond the platform's, with the field that caused them where there is one. */
public final class InventoryProblems {

    private InventoryProblems() {
    }

    /** A field is wrong in a way bean validation cannot see; the same shape as a validation problem. */
    public static ApiException invalidField(String field, String message) {
        return withField(ProblemType.VALIDATION, field, message, "Invalid fields: " + field);
    }

    /** A well-formed request names a warehouse that does not exist. */
    public static ApiException unknownWarehouse(String field, String code) {
        return withField(ProblemType.UNPROCESSABLE, field, "no warehouse has this code",
                "There is no warehouse " + code);
    }

    /** Taking the units would leave fewer on hand than are reserved, or fewer than none. */
    public static ApiException insufficientStock(String detail) {
        return ApiException.custom(409, "insufficient-stock", "Not enough stock", detail);
    }

    /** The same Idempotency-Key came back with a different request. */
    public static ApiException idempotencyKeyReused() {
        return ApiException.custom(422, "idempotency-key-reused", "The Idempotency-Key belongs to another request",
                "This Idempotency-Key was already used for a different request; use a new key for a new request");
    }

    private static ApiException withField(ProblemType type, String field, String message, String detail) {
        return new ApiException(type.status().value(), type.uri(), type.title(), detail,
                Map.of("errors", List.of(Map.of("field", field, "message", message))));
    }
}
