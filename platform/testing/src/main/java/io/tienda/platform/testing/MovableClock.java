package io.tienda.platform.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/** A UTC clock that moves only when a test moves it, so intervals, ages and expiries need no sleeping. */
public final class MovableClock extends Clock {

    private final AtomicReference<Instant> now;
    private final AtomicReference<Runnable> onNextRead = new AtomicReference<>();

    public MovableClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    public void advance(Duration by) {
        now.updateAndGet(instant -> instant.plus(by));
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    /**
     * Runs {@code action} once, on the next read of the time, before that read answers: a test slips
     * something in at the moment the code under test asks for the time, such as a concurrent change
     * landing between a read and a write. Exactly one read runs it, whatever the thread; reads made
     * meanwhile, including by the action itself, answer at once. What the action does to this clock
     * shows in the read that ran it.
     *
     * @throws IllegalStateException when an action is already waiting for a read
     */
    public void onNextRead(Runnable action) {
        if (!onNextRead.compareAndSet(null, Objects.requireNonNull(action, "action"))) {
            throw new IllegalStateException("an action already waits for the next read");
        }
    }

    @Override
    public Instant instant() {
        Runnable action = onNextRead.getAndSet(null);
        if (action != null) {
            action.run();
        }
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
