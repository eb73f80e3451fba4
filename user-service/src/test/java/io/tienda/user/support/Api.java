package io.tienda.user.support;

import io.tienda.platform.testing.http.ApiReply;
import io.tienda.platform.testing.http.TestApi;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The service's HTTP API as a shopper's client uses it. Each instance calls from its own client IP
 * (X-Forwarded-For from a trusted proxy, as the gateway sends it), so per-IP throttling in one test
 * never touches another.
 */
public final class Api extends TestApi {

    /** Satisfies the password policy. */
    public static final String PASSWORD = "Vq7#tLm2!wZr";
    public static final String ADMIN_EMAIL = "admin@tienda.local";
    public static final String ADMIN_PASSWORD = "Admin!2345";

    private final RestTestClient http;
    private final String ip;

    /**
     * Calls the server on {@code port} through the JDK's HTTP client: the test context's default
     * client (Apache HttpClient) silently retries a 429 after its Retry-After, which would hide
     * exactly the answers the throttling tests look at.
     */
    public Api(int port) {
        this(RestTestClient.bindToServer(new JdkClientHttpRequestFactory()).baseUrl("http://localhost:" + port)
                .build(), randomIp());
    }

    private Api(RestTestClient http, String ip) {
        super(http, Map.of("X-Forwarded-For", ip, HttpHeaders.USER_AGENT, "TiendaTest/1.0"));
        this.http = http;
        this.ip = ip;
    }

    /** The same API from another client IP. */
    public Api fromAnotherIp() {
        return new Api(http, randomIp());
    }

    public Api fromIp(String address) {
        return new Api(http, address);
    }

    public String ip() {
        return ip;
    }

    public static String uniqueEmail(String name) {
        return name + "+" + UUID.randomUUID() + "@Example.com";
    }

    private static String randomIp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.18." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    /** The tokens of a sign-in or refresh. */
    public record Tokens(String access, String refresh, JsonNode body) {
    }

    /** A registered, signed-in account. */
    public record Account(UUID id, String email, String password, Tokens tokens) {
    }

    public ApiReply registerReply(String email, String password) {
        return post("/api/v1/auth/register", Map.of("email", email, "password", password, "name", "Test Shopper"));
    }

    public UUID register(String email, String password) {
        return UUID.fromString(registerReply(email, password).expect(201).text("id"));
    }

    public ApiReply loginReply(String email, String password) {
        return post("/api/v1/auth/login", Map.of("email", email, "password", password));
    }

    public Tokens login(String email, String password) {
        return tokens(loginReply(email, password).expect(200));
    }

    public ApiReply refreshReply(String refreshToken) {
        return post("/api/v1/auth/refresh", Map.of("refresh_token", refreshToken));
    }

    public Tokens refresh(String refreshToken) {
        return tokens(refreshReply(refreshToken).expect(200));
    }

    /** A new customer account, signed in. */
    public Account newAccount(String name) {
        String email = uniqueEmail(name);
        UUID id = register(email, PASSWORD);
        return new Account(id, email, PASSWORD, login(email, PASSWORD));
    }

    /** The demo admin, signed in. */
    public Tokens admin() {
        return login(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    private static Tokens tokens(ApiReply reply) {
        return new Tokens(reply.text("access_token"), reply.text("refresh_token"), reply.json());
    }
}
