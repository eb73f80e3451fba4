package io.tienda.gateway.security;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * user-service's token signing keys, fetched from its JWKS and kept in memory.
 * <ul>
 *   <li>Fetched on the first token, so the gateway starts without user-service.</li>
 *   <li>A token naming a {@code kid} the keys do not have triggers a fetch: user-service rotated its
 *       key, and the new key must be accepted at once.</li>
 *   <li>After {@code jwksMaxAge} the keys are refreshed in the background while still in use, so a
 *       key user-service retired stops being accepted.</li>
 *   <li>Fetches are at least {@code jwksRefetchInterval} apart, and concurrent requests share one:
 *       forged {@code kid}s cannot make the gateway hammer user-service.</li>
 *   <li>When a fetch fails the keys already known stay in use. Only while no key was ever fetched
 *       does a failure reach the caller (and the client gets a 503).</li>
 * </ul>
 * Spring Security's reactive JWKS source refetches on every unknown {@code kid} and never expires
 * keys, hence this class.
 */
final class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final WebClient client;
    private final URI jwksUri;
    private final Duration maxAge;
    private final Duration refetchInterval;
    private final Duration timeout;
    private final Clock clock;

    private volatile Fetched fetched;

    // Guarded by this.
    private Mono<Fetched> inFlight;
    private Instant lastAttempt = Instant.EPOCH;

    SigningKeys(WebClient client, SecurityProperties properties, Clock clock) {
        this.client = client;
        this.jwksUri = properties.jwksUri();
        this.maxAge = properties.jwksMaxAge();
        this.refetchInterval = properties.jwksRefetchInterval();
        this.timeout = properties.jwksTimeout();
        this.clock = clock;
    }

    /**
     * The keys that may have signed a token with this header: same {@code kid}, RSA, meant for
     * signatures. Empty when none fit, and the token is then refused. An error only when no key is
     * known at all and the JWKS cannot be fetched.
     */
    Mono<List<JWK>> candidates(JWSHeader header) {
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(header));
        Fetched known = fetched;
        if (known == null) {
            return fetchUnlessTriedRecently()
                    .orElseGet(() -> Mono.error(new IllegalStateException(
                            "No signing keys yet, and the last fetch of " + jwksUri + " failed moments ago")))
                    .map(keys -> keys.select(selector));
        }
        if (known.olderThan(maxAge, clock.instant())) {
            // Started and recorded by fetchUnlessTriedRecently; this request goes on with the keys at hand.
            fetchUnlessTriedRecently();
        }
        List<JWK> matches = known.select(selector);
        String kid = header.getKeyID();
        if (!matches.isEmpty() || kid == null || known.has(kid)) {
            return Mono.just(matches);
        }
        return fetchUnlessTriedRecently()
                .map(refetch -> refetch.map(keys -> keys.select(selector)).onErrorReturn(matches))
                .orElseGet(() -> Mono.just(matches));
    }

    /** The fetch under way, or a new one, unless the last one started less than the interval ago. */
    private synchronized Optional<Mono<Fetched>> fetchUnlessTriedRecently() {
        if (inFlight != null) {
            return Optional.of(inFlight);
        }
        Instant now = clock.instant();
        if (now.isBefore(lastAttempt.plus(refetchInterval))) {
            return Optional.empty();
        }
        lastAttempt = now;
        // Started here rather than by the first subscriber, so a client that goes away cannot cancel
        // the fetch that other requests are waiting for.
        Sinks.One<Fetched> result = Sinks.one();
        Mono<Fetched> fetch = result.asMono();
        inFlight = fetch;
        download().subscribe(
                keys -> {
                    replace(keys);
                    result.tryEmitValue(keys);
                },
                failure -> {
                    finished();
                    result.tryEmitError(failure);
                });
        return Optional.of(fetch);
    }

    private synchronized void replace(Fetched keys) {
        Fetched previous = fetched;
        fetched = keys;
        inFlight = null;
        if (previous == null || !previous.keyIds().equals(keys.keyIds())) {
            log.info("Token signing keys from {}: {}", jwksUri, keys.keyIds());
        }
    }

    private synchronized void finished() {
        inFlight = null;
    }

    private Mono<Fetched> download() {
        return client.get().uri(jwksUri).accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToMono(String.class)
                .single()
                .timeout(timeout)
                .map(body -> new Fetched(parse(body), clock.instant()))
                .doOnError(failure -> log.warn("Cannot fetch the token signing keys from {}: {}", jwksUri,
                        failure.toString()));
    }

    private static JWKSet parse(String body) {
        try {
            // Public parts only, whatever the document holds.
            return JWKSet.parse(body).toPublicJWKSet();
        } catch (ParseException e) {
            throw new IllegalStateException("The JWKS is not a valid JWK set: " + e.getMessage(), e);
        }
    }

    private record Fetched(JWKSet keys, Instant at) {

        List<JWK> select(JWKSelector selector) {
            return selector.select(keys);
        }

        boolean has(String kid) {
            return keys.getKeyByKeyId(kid) != null;
        }

        Set<String> keyIds() {
            return keys.getKeys().stream().map(JWK::getKeyID).filter(Objects::nonNull)
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        boolean olderThan(Duration age, Instant now) {
            return now.isAfter(at.plus(age));
        }
    }
}
