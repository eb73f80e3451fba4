package io.tienda.analytics.facts.domain;

import java.util.function.Consumer;

/**
 * The event topics read from their beginning, for a backfill. {@code M} is the message type of the
 * adapter; batches are handed to {@code sink} in log order per partition.
 */
public interface EventLog<M> {

    /** Reads every topic from offset 0 up to where it ended when the replay started; answers the count. */
    long replay(Consumer<java.util.List<M>> sink);
}
