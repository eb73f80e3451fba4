package io.tienda.returns.requests.domain;

import io.tienda.platform.problem.DomainException;
import io.tienda.platform.problem.ProblemType;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** {@code 422 return-window-closed}: the order was delivered too long ago to be returned. */
public class ReturnWindowClosedException extends DomainException {

    public static final URI TYPE = URI.create(ProblemType.BASE + "return-window-closed");

    public ReturnWindowClosedException(UUID orderId, Instant closedAt) {
        super(422, TYPE, "The return window has closed",
                "order " + orderId + " could be returned until " + closedAt, Map.of("closedAt", closedAt.toString()));
    }
}
