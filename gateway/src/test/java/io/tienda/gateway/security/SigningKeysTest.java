package io.tienda.gateway.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import io.tienda.gateway.TestJwks;
import io.tienda.platform.testing.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JWKS cache against a real HTTP server whose keys, health and speed the test controls, on a clock it moves. */
class SigningKeysTest {

    private static final Duration MAX_AGE = Duration.ofMinutes(5);
    private static final Duration REFETCH_INTERVAL = Duration.ofSeconds(10);

    /** Only kids matter here, so every key is this one public key under another kid: key pairs are slow to make. */
    private static final RSAKey BASE = TestJwks.newKey().toPublicJWK();

    private final RSAKey current = withNewKid();
    private final List<JWK> published = new CopyOnWriteArrayList<>(List.of(current.toPublicJWK()));
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);
    private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private HttpServer server;
    private SigningKeys keys;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/jwks", exchange -> {
            fetches.incrementAndGet();
            try {
                Thread.sleep(delay.get().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = new JWKSet(List.copyOf(published)).toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status.get(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks");
        keys = new SigningKeys(WebClient.create(), new SecurityProperties(uri, null, null, MAX_AGE, REFETCH_INTERVAL,
                Duration.ofSeconds(2)), clock);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void fetchesOnTheFirstTokenAndThenAnswersFromMemory() {
        assertThat(fetches).hasValue(0);

        assertThat(kids(candidates(current.getKeyID()))).containsExactly(current.getKeyID());
        assertThat(kids(candidates(current.getKeyID()))).containsExactly(current.getKeyID());

        assertThat(fetches).hasValue(1);
    }

    @Test
    void anUnknownKidFetchesAgainAndFindsAKeyRotatedIn() {
        candidates(current.getKeyID());
        RSAKey rotated = withNewKid();
        published.add(rotated.toPublicJWK());
        clock.advance(REFETCH_INTERVAL);

        assertThat(kids(candidates(rotated.getKeyID()))).containsExactly(rotated.getKeyID());
        assertThat(fetches).hasValue(2);
    }

    @Test
    void forgedKidsCauseAtMostOneFetchPerInterval() {
        candidates(current.getKeyID());
        clock.advance(REFETCH_INTERVAL);

        for (int i = 0; i < 20; i++) {
            assertThat(candidates("forged-" + i)).isEmpty();
        }
        assertThat(fetches).as("one refetch, then the interval holds").hasValue(2);

        clock.advance(REFETCH_INTERVAL);
        assertThat(candidates("forged-again")).isEmpty();
        assertThat(fetches).hasValue(3);
    }

    @Test
    void aKeyRotatedInWithinTheIntervalIsFoundOnceItHasPassed() {
        candidates(current.getKeyID());
        RSAKey rotated = withNewKid();
        published.add(rotated.toPublicJWK());

        assertThat(candidates(rotated.getKeyID())).as("the last fetch was a moment ago").isEmpty();
        clock.advance(REFETCH_INTERVAL);
        assertThat(kids(candidates(rotated.getKeyID()))).containsExactly(rotated.getKeyID());
    }

    @Test
    void aKnownKidNeverCausesAFetch() {
        candidates(current.getKeyID());
        clock.advance(REFETCH_INTERVAL);

        // Same kid but a header asking for another algorithm: no match, and no reason to ask again.
        JWSHeader otherAlgorithm = new JWSHeader.Builder(JWSAlgorithm.RS512).keyID(current.getKeyID()).build();
        assertThat(keys.candidates(otherAlgorithm).block()).isEmpty();
        assertThat(fetches).hasValue(1);
    }

    @Test
    void keysOlderThanTheMaxAgeAreRefreshedInTheBackgroundAndARetiredKeyGoesAway() {
        candidates(current.getKeyID());
        RSAKey next = withNewKid();
        published.clear();
        published.add(next.toPublicJWK());
        clock.advance(MAX_AGE.plusSeconds(1));

        assertThat(kids(candidates(current.getKeyID()))).as("served from memory while the refresh runs")
                .containsExactly(current.getKeyID());
        awaitFetches(2);
        awaitNoMatch(current.getKeyID());
        assertThat(kids(candidates(next.getKeyID()))).containsExactly(next.getKeyID());
    }

    @Test
    void withoutAnyKeyAFailedFetchIsAnErrorAndIsNotRetriedWithinTheInterval() {
        status.set(503);

        assertThatThrownBy(() -> candidates(current.getKeyID())).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> candidates(current.getKeyID())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("failed moments ago");
        assertThat(fetches).hasValue(1);

        status.set(200);
        clock.advance(REFETCH_INTERVAL);
        assertThat(kids(candidates(current.getKeyID()))).containsExactly(current.getKeyID());
    }

    @Test
    void whenTheJwksFailsLaterTheKnownKeysKeepWorking() {
        candidates(current.getKeyID());
        status.set(500);
        clock.advance(MAX_AGE.plusSeconds(1));

        assertThat(kids(candidates(current.getKeyID()))).containsExactly(current.getKeyID());
        awaitFetches(2);
        clock.advance(REFETCH_INTERVAL);
        assertThat(candidates("rotated-while-down")).as("unknown, and cannot be checked: refused, not an error")
                .isEmpty();
        assertThat(kids(candidates(current.getKeyID()))).containsExactly(current.getKeyID());
    }

    @Test
    void concurrentFirstTokensShareOneFetch() {
        delay.set(Duration.ofMillis(300));

        List<List<JWK>> answers = Flux.range(0, 10)
                .flatMap(i -> keys.candidates(header(current.getKeyID())))
                .collectList()
                .block(Duration.ofSeconds(10));

        assertThat(answers).hasSize(10).allSatisfy(found -> assertThat(kids(found)).containsExactly(current.getKeyID()));
        assertThat(fetches).hasValue(1);
    }

    private static RSAKey withNewKid() {
        return new RSAKey.Builder(BASE).keyID("key-" + UUID.randomUUID()).build();
    }

    private List<JWK> candidates(String kid) {
        return keys.candidates(header(kid)).block(Duration.ofSeconds(10));
    }

    private static JWSHeader header(String kid) {
        return new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build();
    }

    private static List<String> kids(List<JWK> found) {
        return found.stream().map(JWK::getKeyID).toList();
    }

    private void awaitFetches(int expected) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(fetches).hasValueGreaterThanOrEqualTo(expected));
    }

    private void awaitNoMatch(String kid) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(Mono.defer(() -> keys.candidates(header(kid))).block()).isEmpty());
    }
}
