package io.tienda.analytics.facts.domain;

import java.time.Instant;

/**
 * Where the last backfill is.
 *
 * @param state    IDLE (none since start), RUNNING, DONE or FAILED
 * @param events   messages read from the topics so far
 * @param rows     fact rows written so far
 * @param error    why it failed; null otherwise
 */
public record BackfillStatus(State state, Instant startedAt, Instant finishedAt, long events, long rows, String error) {

    public enum State { IDLE, RUNNING, DONE, FAILED }

    public static BackfillStatus idle() {
        return new BackfillStatus(State.IDLE, null, null, 0, 0, null);
    }

    public boolean running() {
        return state == State.RUNNING;
    }
}
