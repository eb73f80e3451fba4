package io.tienda.inventory.stock;

import io.tienda.inventory.stock.persistence.IdempotencyKeyRepository;
import io.tienda.platform.core.IdempotencyKeys;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * Runs a request at most once per Idempotency-Key, in the caller's transaction: the key, the change
 * and the answer commit together. A retry gets the stored answer without doing the work again; a
 * request that failed stored nothing (its transaction rolled back), so its retry runs afresh.
 */
@Component
class IdempotentRequests {

    private final IdempotencyKeyRepository keys;
    private final JsonMapper json;
    private final Clock clock;

    IdempotentRequests(IdempotencyKeyRepository keys, JsonMapper json, Clock clock) {
        this.keys = keys;
        this.json = json;
        this.clock = clock;
    }

    /** The answer, and whether it is the stored answer of an earlier request with the same key. */
    record Outcome<T>(T value, boolean replayed) {
    }

    /**
     * @param scope   the operation and the caller, so that keys of different callers never collide
     * @param key     the client's Idempotency-Key, or null to run without one
     * @param request what the client asked, compared with the first request of the key
     */
    <T> Outcome<T> run(String scope, String key, Object request, Class<T> answerType, Supplier<T> work) {
        if (key == null) {
            return new Outcome<>(work.get(), false);
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("an idempotent request runs inside the transaction of its change");
        }
        String hash = IdempotencyKeys.fingerprint(json.writeValueAsString(request));
        if (!keys.claim(scope, key, hash, clock.instant())) {
            IdempotencyKeyRepository.Used used = keys.used(scope, key);
            if (!used.requestHash().equals(hash)) {
                throw IdempotencyKeys.reused();
            }
            return new Outcome<>(json.readValue(used.response(), answerType), true);
        }
        T answer = work.get();
        keys.answer(scope, key, 201, json.writeValueAsString(answer));
        return new Outcome<>(answer, false);
    }
}
