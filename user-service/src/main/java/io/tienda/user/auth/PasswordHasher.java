package io.tienda.user.auth;

import io.tienda.user.UsersProperties;
import io.tienda.platform.problem.DomainException;
import io.tienda.platform.problem.ProblemType;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Argon2id password hashing. Each hash takes {@code memoryKib} of memory and a core for tens of
 * milliseconds, so at most {@code maxConcurrent} run at once and the rest queue briefly; a flood of
 * sign-ins then slows down instead of exhausting the heap. Also verifies against a dummy hash when an
 * email has no account, so that answering "wrong email" costs as much as "wrong password".
 */
@Component
public class PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final long QUEUE_TIMEOUT_SECONDS = 10;

    private final Argon2PasswordEncoder encoder;
    private final Semaphore permits;
    private final String dummyHash;

    public PasswordHasher(UsersProperties properties) {
        UsersProperties.Hashing hashing = properties.hashing();
        this.encoder = new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, hashing.parallelism(), hashing.memoryKib(),
                hashing.iterations());
        int concurrent = hashing.maxConcurrent() > 0 ? hashing.maxConcurrent()
                : Runtime.getRuntime().availableProcessors();
        this.permits = new Semaphore(concurrent, true);
        this.dummyHash = encoder.encode("not a password anyone has: " + System.nanoTime());
    }

    public String hash(String password) {
        return bounded(() -> encoder.encode(password));
    }

    /** Whether {@code password} matches {@code hash}; a null or unusable hash (erased account) matches nothing. */
    public boolean matches(String password, String hash) {
        if (hash == null || !hash.startsWith("$argon2")) {
            // Spend the same time as a real check, then refuse.
            bounded(() -> encoder.matches(password, dummyHash));
            return false;
        }
        return bounded(() -> encoder.matches(password, hash));
    }

    /** Burns the time of one verification: for sign-ins with an email that has no account. */
    public void matchNothing(String password) {
        matches(password, null);
    }

    /** Whether {@code hash} was made with weaker parameters than the current ones and should be redone. */
    public boolean needsRehash(String hash) {
        return hash != null && hash.startsWith("$argon2") && encoder.upgradeEncoding(hash);
    }

    private <T> T bounded(Supplier<T> work) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(QUEUE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DomainException(ProblemType.SERVICE_UNAVAILABLE, "Sign-in is busy; try again in a moment");
        }
        if (!acquired) {
            throw new DomainException(ProblemType.SERVICE_UNAVAILABLE, "Sign-in is busy; try again in a moment");
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }
}
