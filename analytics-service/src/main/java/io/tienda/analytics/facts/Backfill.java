package io.tienda.analytics.facts;

import io.tienda.analytics.facts.domain.BackfillStatus;
import io.tienda.analytics.facts.domain.EventLog;
import io.tienda.analytics.facts.domain.FactStore;
import io.tienda.platform.core.DaemonThreads;
import io.tienda.platform.messaging.InboundMessage;
import io.tienda.platform.problem.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rebuilds the facts from the event topics: empties every fact table, then reads each topic from its
 * first offset up to where it ended when the backfill started, through the same ingestion as live
 * events. The reader is a consumer of its own that commits nothing, so the live listener's group
 * keeps its offsets; what the live listener writes meanwhile is deduplicated by event id like any
 * replay. One backfill at a time, in the background; {@link #status()} tells how far it got.
 */
@Service
public class Backfill implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Backfill.class);

    private final FactStore store;
    private final Ingestion ingestion;
    private final EventLog<InboundMessage> events;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            DaemonThreads.named("analytics-backfill"));
    private final AtomicReference<BackfillStatus> status = new AtomicReference<>(BackfillStatus.idle());

    Backfill(FactStore store, Ingestion ingestion, EventLog<InboundMessage> events, Clock clock) {
        this.store = store;
        this.ingestion = ingestion;
        this.events = events;
        this.clock = clock;
    }

    /** Starts a backfill in the background; 409 while one runs. */
    public BackfillStatus start() {
        BackfillStatus current = status.get();
        BackfillStatus started = new BackfillStatus(BackfillStatus.State.RUNNING, clock.instant(), null, 0, 0, null);
        if (current.running() || !status.compareAndSet(current, started)) {
            throw DomainException.conflict("a backfill is already running");
        }
        worker.execute(this::run);
        return started;
    }

    /** Runs a backfill on the caller's thread, e.g. from the command line; answers how it ended. */
    public BackfillStatus runNow() {
        BackfillStatus current = status.get();
        if (current.running() || !status.compareAndSet(current,
                new BackfillStatus(BackfillStatus.State.RUNNING, clock.instant(), null, 0, 0, null))) {
            throw DomainException.conflict("a backfill is already running");
        }
        run();
        return status.get();
    }

    public BackfillStatus status() {
        return status.get();
    }

    private void run() {
        BackfillStatus begun = status.get();
        AtomicLong read = new AtomicLong();
        AtomicLong written = new AtomicLong();
        try {
            store.truncateAll();
            log.info("backfill: fact tables emptied, replaying the event topics from the beginning");
            events.replay(batch -> {
                written.addAndGet(ingestion.ingestReadable(batch));
                read.addAndGet(batch.size());
                status.set(new BackfillStatus(BackfillStatus.State.RUNNING, begun.startedAt(), null, read.get(),
                        written.get(), null));
            });
            status.set(new BackfillStatus(BackfillStatus.State.DONE, begun.startedAt(), clock.instant(), read.get(),
                    written.get(), null));
            log.info("backfill: done, {} events read, {} rows written", read.get(), written.get());
        } catch (RuntimeException e) {
            log.error("backfill failed after {} events", read.get(), e);
            status.set(new BackfillStatus(BackfillStatus.State.FAILED, begun.startedAt(), clock.instant(), read.get(),
                    written.get(), String.valueOf(e.getMessage())));
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
