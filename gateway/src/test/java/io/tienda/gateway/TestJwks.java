package io.tienda.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tienda.platform.testing.security.TestTokens;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JWKS the gateway under test trusts, standing in for user-service's: the {@link TestTokens}
 * key, a key of its own for tokens TestTokens cannot make, and whatever keys a test publishes later
 * (a rotation), on a loopback port of its own.
 * It counts the fetches, so tests can see when the gateway went back for keys.
 */
public final class TestJwks {

    private static final TestJwks INSTANCE = new TestJwks();

    private final List<JWK> keys = new CopyOnWriteArrayList<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private final RSAKey testTokensKey;
    private final RSAKey ownKey = newKey();
    private final URI uri;

    private TestJwks() {
        JWKSet published = testTokensKeys();
        testTokensKey = (RSAKey) published.getKeyByKeyId(TestTokens.KEY_ID);
        keys.addAll(published.getKeys());
        keys.add(ownKey.toPublicJWK());
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/.well-known/jwks.json", this::serve);
            server.start();
            uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the test JWKS", e);
        }
    }

    public static TestJwks get() {
        return INSTANCE;
    }

    public URI uri() {
        return uri;
    }

    /** The key every {@link TestTokens} token is signed with, as the JWKS publishes it. */
    public RSAKey testTokensKey() {
        return testTokensKey;
    }

    /**
     * Signs {@code claims} with RS256 by a key this JWKS publishes from the start, for tokens
     * {@link TestTokens} cannot make (its issue time is always now).
     */
    public String sign(JWTClaimsSet claims) {
        return sign(ownKey, claims);
    }

    /** Signs {@code claims} with RS256 by {@code key}, naming it in {@code kid}. */
    public static String sign(RSAKey key, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** A new RSA key pair under a fresh {@code kid}, not yet published. */
    public static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("rotated-" + UUID.randomUUID())
                    .algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes the public half of {@code key}, as user-service does when it rotates. */
    public void publish(RSAKey key) {
        keys.add(key.toPublicJWK());
    }

    public int fetches() {
        return fetches.get();
    }

    private void serve(HttpExchange exchange) throws IOException {
        fetches.incrementAndGet();
        byte[] body = new JWKSet(List.copyOf(keys)).toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static JWKSet testTokensKeys() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(TestTokens.jwksUri()).build(), HttpResponse.BodyHandlers.ofString());
            return JWKSet.parse(response.body());
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("cannot read the TestTokens JWKS", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
