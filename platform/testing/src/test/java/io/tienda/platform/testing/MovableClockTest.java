package io.tienda.platform.testing;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MovableClockTest {

    private static final Instant START = Instant.parse("2025-03-01T10:00:00Z");

    @Test
    void movesOnlyWhenTold() {
        MovableClock clock = new MovableClock(START);

        assertThat(clock.instant()).isEqualTo(START);
        assertThat(clock.instant()).isEqualTo(START);
        clock.advance(Duration.ofMinutes(5));
        assertThat(clock.instant()).isEqualTo(START.plusSeconds(300));
        clock.set(START.minusSeconds(1));
        assertThat(clock.millis()).isEqualTo(START.minusSeconds(1).toEpochMilli());
    }

    @Test
    void runsTheActionOnceOnTheNextReadBeforeItAnswers() {
        MovableClock clock = new MovableClock(START);
        AtomicInteger runs = new AtomicInteger();
        clock.onNextRead(() -> {
            runs.incrementAndGet();
            clock.advance(Duration.ofSeconds(1));
        });

        assertThat(runs).as("nothing runs before a read").hasValue(0);
        assertThat(clock.instant()).as("the read that ran it sees what it did").isEqualTo(START.plusSeconds(1));
        assertThat(clock.instant()).isEqualTo(START.plusSeconds(1));
        assertThat(runs).hasValue(1);
    }

    @Test
    void theActionReadingTheClockDoesNotRunItAgain() {
        MovableClock clock = new MovableClock(START);
        List<Instant> readInside = new ArrayList<>();
        clock.onNextRead(() -> readInside.add(clock.instant()));

        assertThat(clock.instant()).isEqualTo(START);
        assertThat(readInside).containsExactly(START);
    }

    @Test
    void oneActionWaitsAtATime() {
        MovableClock clock = new MovableClock(START);
        AtomicInteger runs = new AtomicInteger();
        clock.onNextRead(runs::incrementAndGet);

        assertThatThrownBy(() -> clock.onNextRead(runs::incrementAndGet)).isInstanceOf(IllegalStateException.class);
        clock.instant();
        clock.onNextRead(runs::incrementAndGet); // the first one ran: the next may wait
        clock.instant();
        assertThat(runs).hasValue(2);
    }

    @Test
    void readsRacingForTheActionRunItOnce() throws Exception {
        MovableClock clock = new MovableClock(START);
        AtomicInteger runs = new AtomicInteger();
        clock.onNextRead(runs::incrementAndGet);
        int readers = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        try {
            List<Future<Instant>> reads = new ArrayList<>();
            for (int i = 0; i < readers; i++) {
                reads.add(pool.submit(() -> {
                    go.await();
                    return clock.instant();
                }));
            }
            go.countDown();
            for (Future<Instant> read : reads) {
                assertThat(read.get()).isEqualTo(START);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(runs).hasValue(1);
    }
}
