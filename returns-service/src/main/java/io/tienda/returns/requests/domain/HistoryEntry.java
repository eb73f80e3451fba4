package io.tienda.returns.requests.domain;

import java.time.Instant;

/**
 * One move of a return, or a note on it (a failed refund) with {@code from == to}.
 *
 * @param actor a user id, or {@code returns-service} for what happened on an event
 */
public record HistoryEntry(ReturnStatus from, ReturnStatus to, Instant at, String actor, String note) {

    public static final String SERVICE = "returns-service";
}
