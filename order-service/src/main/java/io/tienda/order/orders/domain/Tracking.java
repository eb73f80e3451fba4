package io.tienda.order.orders.domain;

import io.tienda.platform.problem.DomainException;
import io.tienda.platform.problem.ProblemType;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** How a shipped order travels: the carrier and its tracking number. */
public record Tracking(String carrier, String trackingNumber, Instant shippedAt) {

    public Tracking {
        carrier = carrier == null ? null : carrier.strip();
        trackingNumber = trackingNumber == null ? null : trackingNumber.strip();
        if (carrier == null || carrier.isEmpty() || carrier.length() > 100) {
            throw invalid("carrier");
        }
        if (trackingNumber == null || !trackingNumber.matches("[A-Za-z0-9][A-Za-z0-9 ._/-]{0,99}")) {
            throw invalid("trackingNumber");
        }
    }

    private static DomainException invalid(String field) {
        return new DomainException(ProblemType.VALIDATION.status(), ProblemType.VALIDATION.uri(),
                ProblemType.VALIDATION.title(), "Invalid fields: " + field,
                Map.of("errors", List.of(Map.of("field", field, "message", "1 to 100 letters, digits, or . _ / -"))));
    }
}
