package io.tienda.platform.testing.infra;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition; servers start in the background and say nothing when they are ready. */
final class Poll {

    private static final long INTERVAL_MILLIS = 100;

    private Poll() {
    }

    /**
     * Returns once {@code ready} holds. Fails when {@code failure} reports a problem (e.g. the process
     * exited) or when {@code timeout} passes.
     */
    static void until(String what, Duration timeout, BooleanSupplier ready, Supplier<Optional<String>> failure) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            Optional<String> problem = failure.get();
            if (problem.isPresent()) {
                throw new IllegalStateException(what + " failed: " + problem.get());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " timed out after " + timeout.toSeconds() + " s"
                        + failure.get().map(detail -> ": " + detail).orElse(""));
            }
            pause(what);
        }
    }

    /**
     * Waits one polling interval before {@code what} is looked at or tried again. A child process says
     * nothing when it is ready or when the kernel will let it run, so there is no event to wait for.
     */
    static void pause(String what) {
        try {
            Thread.sleep(INTERVAL_MILLIS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted", ex);
        }
    }

}
