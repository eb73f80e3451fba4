package io.tienda.platform.http;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Wraps a call to another service in a circuit breaker named after the dependency, with a fallback.
 * Only calls that are safe to repeat are retried: retrying a POST that may have reached the other
 * side could charge or reserve twice.
 */
public class ResilientCalls {

    private final CircuitBreakerRegistry breakers;
    private final RetryRegistry retries;

    public ResilientCalls(CircuitBreakerRegistry breakers, RetryRegistry retries) {
        this.breakers = breakers;
        this.retries = retries;
    }

    /** A read or another idempotent call: retried with backoff, then the breaker, then the fallback. */
    public <T> T idempotent(String dependency, Supplier<T> call, Function<Throwable, T> fallback) {
        Retry retry = retries.retry(dependency);
        return guarded(dependency, Retry.decorateSupplier(retry, call), fallback);
    }

    /** A call that must not be repeated blindly: breaker and fallback only. */
    public <T> T once(String dependency, Supplier<T> call, Function<Throwable, T> fallback) {
        return guarded(dependency, call, fallback);
    }

    private <T> T guarded(String dependency, Supplier<T> call, Function<Throwable, T> fallback) {
        CircuitBreaker breaker = breakers.circuitBreaker(dependency);
        try {
            return breaker.executeSupplier(call);
        } catch (RuntimeException e) {
            return fallback.apply(e);
        }
    }
}
