package io.tienda.order.orders;

import io.tienda.order.OrderProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tienda.order.orders.domain.Orders;
import jakarta.annotation.PreDestroy;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Requests waiting for an order to change (a read with {@code Prefer: wait}, see {@code OrderResource}).
 * A change this instance stores wakes them once its transaction commits; a change stored by another
 * instance, within {@code tienda.orders.waits.sweep-interval}, which reads the versions of the waited-for
 * orders in one query. Nobody waits beyond {@code max-waiting} at once: the others are answered at once,
 * which {@code Prefer} allows.
 */
@Component
public class OrderChanges {

    private static final int READERS = 4;

    private final Orders orders;
    private final int maxWaiting;
    private final Map<UUID, Set<Waiter>> waiting = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();
    /** Where a woken read reads the order again: never on the writer's thread, inside its commit. */
    private final ExecutorService readers = Executors.newFixedThreadPool(READERS, runnable -> {
        Thread thread = new Thread(runnable, "order-waits");
        thread.setDaemon(true);
        return thread;
    });

    private final MeterRegistry meters;

    OrderChanges(Orders orders, OrderProperties properties, MeterRegistry meters) {
        this.orders = orders;
        this.maxWaiting = properties.waits().maxWaiting();
        this.meters = meters;
        Gauge.builder("orders.waits.waiting", count, AtomicInteger::get)
                .description("reads of an order waiting for it to change").register(meters);
    }

    /** Runs what follows a wait: reading the order again and answering. */
    public Executor readers() {
        return readers;
    }

    @PreDestroy
    void close() {
        readers.shutdownNow();
    }

    /**
     * Completes with true once the order's version is no longer {@code seenVersion}, with false when
     * {@code wait} passes first. Empty when too many requests wait already.
     */
    public Optional<CompletableFuture<Boolean>> changeOf(UUID orderId, long seenVersion, Duration wait) {
        if (count.incrementAndGet() > maxWaiting) {
            count.decrementAndGet();
            counted("refused", "none");
            return Optional.empty();
        }
        Waiter waiter = new Waiter(seenVersion);
        waiting.computeIfAbsent(orderId, id -> ConcurrentHashMap.newKeySet()).add(waiter);
        CompletableFuture<Boolean> changed = waiter.changed()
                .completeOnTimeout(false, wait.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((result, failure) -> {
                    forget(orderId, waiter);
                    if (Boolean.FALSE.equals(result)) {
                        counted("unchanged", "none");
                    }
                });
        // the order may have changed between the caller's read and this registration
        orders.versions(List.of(orderId)).forEach((id, version) -> wake(id, version, "registration"));
        return Optional.of(changed);
    }

    /** The order was stored with this version: its waiters wake once the transaction commits. */
    public void stored(UUID orderId, long version) {
        if (!waiting.containsKey(orderId)) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake(orderId, version, "commit");
                }
            });
        }
        else {
            wake(orderId, version, "commit");
        }
    }

    /** Changes stored by other instances of this service. */
    @Scheduled(fixedDelayString = "${tienda.orders.waits.sweep-interval:250ms}")
    void sweep() {
        if (!waiting.isEmpty()) {
            orders.versions(List.copyOf(waiting.keySet())).forEach((id, version) -> wake(id, version, "sweep"));
        }
    }

    int waiting() {
        return count.get();
    }

    /** @param by what found the change: this instance's commit, the sweep, or the check at registration */
    private void wake(UUID orderId, long version, String by) {
        Set<Waiter> waiters = waiting.get(orderId);
        if (waiters != null) {
            waiters.stream().filter(waiter -> waiter.seenVersion() != version)
                    .filter(waiter -> waiter.changed().complete(true))
                    .forEach(waiter -> counted("changed", by));
        }
    }

    private void counted(String outcome, String by) {
        Counter.builder("orders.waits").description("reads of an order that asked to wait for it to change")
                .tag("outcome", outcome).tag("woken_by", by).register(meters).increment();
    }

    private void forget(UUID orderId, Waiter waiter) {
        waiting.computeIfPresent(orderId, (id, waiters) -> {
            if (waiters.remove(waiter)) {
                count.decrementAndGet();
            }
            return waiters.isEmpty() ? null : waiters;
        });
    }

    /** One waiting read; told apart from another by identity, even when both saw the same version. */
    private static final class Waiter {

        private final long seenVersion;
        private final CompletableFuture<Boolean> changed = new CompletableFuture<>();

        Waiter(long seenVersion) {
            this.seenVersion = seenVersion;
        }

        long seenVersion() {
            return seenVersion;
        }

        CompletableFuture<Boolean> changed() {
            return changed;
        }
    }
}
