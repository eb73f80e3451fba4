package io.tienda.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * How every endpoint that takes an Idempotency-Key answers: a retry gets the first answer again,
 * status included, and {@value #REPLAYED} says which one it got ({@code false} on the first,
 * {@code true} on a replay), so a client can tell without comparing bodies.
 */
public final class IdempotentAnswers {

    /** The response header that tells a replayed answer from the first one. */
    public static final String REPLAYED = "Idempotent-Replayed";

    private IdempotentAnswers() {
    }

    /** An answer of this status, marked as the first one or a replay. */
    public static ResponseEntity.BodyBuilder answer(HttpStatus status, boolean replayed) {
        return ResponseEntity.status(status).header(REPLAYED, Boolean.toString(replayed));
    }
}
