package io.tienda.gateway.problem;

import io.tienda.gateway.GatewayIT;
import io.tienda.gateway.ProblemAssertions;
import io.tienda.platform.testing.http.RawRequest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.UUID;

import static io.tienda.gateway.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

class GatewayProblemsIT extends GatewayIT {

    @Test
    void anUnknownPathIsA404Problem() {
        assertProblem(client().get().uri("/api/v2/products").exchange(), 404, "not-found", "/api/v2/products");
        assertProblem(client().post().uri("/nothing/here").bodyValue("{}").exchange(), 404, "not-found", "/nothing/here");
        assertProblem(client().get().uri("/api/v1/productsx").exchange(), 404, "not-found", "/api/v1/productsx");
    }

    @Test
    void aWrongMethodIsA405ProblemThatListsTheAllowedOnes() {
        // the gateway's own API docs (actuator, the other GET-only endpoint, has its own port)
        var response = client().method(HttpMethod.DELETE).uri("/v3/api-docs").exchange();
        response.expectHeader().value(HttpHeaders.ALLOW, allow -> assertThat(allow).contains("GET"));
        assertProblem(response, 405, "method-not-allowed", "/v3/api-docs");
    }

    @Test
    void aRequestTheFirewallRefusesIsA400ProblemThatReachesNoService() {
        // a path parameter (the old session-fixation trick) and a method outside HTTP's usual set
        String product = "/api/v1/products/" + UUID.randomUUID();
        JsonNode problem = assertProblem(client().get().uri(product + ";jsessionid=7").exchange(),
                400, "malformed-request", product + ";jsessionid=7");
        assertThat(problem.path("detail").asString()).doesNotContain("jsessionid");
        String order = "/api/v1/orders/" + UUID.randomUUID();
        assertProblem(client().method(HttpMethod.TRACE).uri(order).exchange(), 400, "malformed-request", order);
        assertThat(backends().at(product)).isEmpty();
        assertThat(backends().at(order)).isEmpty();
    }

    /** Sent byte for byte: an HTTP client would refuse to send these targets at all. */
    @Test
    void aTargetWithBrokenPercentEncodingIsA400ProblemThatReachesNoService() {
        for (String target : new String[] {"/api/v1/products/%ZZ", "/api/v1/products?q=%", "/api/v1/orders?page=1&q=%G1"}) {
            RawRequest.Reply response = RawRequest.get("localhost", port, target, Map.of());

            assertThat(response.status()).as(target).isEqualTo(400);
            assertThat(response.isProblem()).as(response.head()).isTrue();
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("X-Request-Id")).isNotBlank();
            assertThat(response.header("Connection")).isEqualTo("close");
            JsonNode problem = ProblemAssertions.json(response.body());
            assertThat(problem.path("type").asString()).isEqualTo("https://tienda.io/problems/malformed-request");
            assertThat(problem.path("status").asInt()).isEqualTo(400);
            assertThat(UUID.fromString(problem.path("requestId").asString())).isNotNull();
            assertThat(problem.toString()).doesNotContain("%");
        }
        assertThat(backends().at("/api/v1/products/%ZZ")).isEmpty();
        // well-formed escapes still pass
        String path = "/api/v1/products/" + UUID.randomUUID();
        assertThat(RawRequest.get("localhost", port, path + "?q=caf%C3%A9", Map.of()).status()).isEqualTo(200);
        assertThat(backends().at(path)).singleElement();
    }

    /** What the HTTP decoder refuses is a problem too, with the status Reactor Netty would give it. */
    @Test
    void requestsTheHttpDecoderRefusesAreProblems() {
        String product = "/api/v1/products/" + UUID.randomUUID();
        RawRequest.Reply headers = RawRequest.get("localhost", port, product,
                Map.of("X-Padding", "x".repeat(20_000)));
        RawRequest.Reply line = RawRequest.get("localhost", port, "/api/v1/products?q=" + "x".repeat(10_000), Map.of());
        RawRequest.Reply encoding = RawRequest.get("localhost", port, product,
                Map.of("Transfer-Encoding", "chunked, identity"));

        assertThat(headers.status()).isEqualTo(431);
        assertThat(ProblemAssertions.json(headers.body()).path("type").asString()).endsWith("/headers-too-large");
        assertThat(line.status()).isEqualTo(414);
        assertThat(ProblemAssertions.json(line.body()).path("type").asString()).endsWith("/uri-too-long");
        assertThat(encoding.status()).isEqualTo(400);
        assertThat(ProblemAssertions.json(encoding.body()).path("type").asString()).endsWith("/malformed-request");
        for (RawRequest.Reply reply : java.util.List.of(headers, line, encoding)) {
            assertThat(reply.isProblem()).as(reply.head()).isTrue();
            assertThat(reply.header("X-Request-Id")).isNotBlank();
            assertThat(reply.body()).doesNotContain("xxx");
        }
        assertThat(backends().at(product)).isEmpty();
    }

    /**
     * A chunked body the decoder cannot read (a chunk size that is not hexadecimal or is beyond any
     * length) is a 400 problem too, where Reactor Netty answered it with an empty 400.
     */
    @Test
    void aChunkedBodyTheDecoderCannotReadIsA400Problem() {
        String path = "/api/v1/orders/" + UUID.randomUUID();
        for (String body : new String[] {"zz\r\n{\"quantity\":1}\r\n0\r\n\r\n", "ffffffffffffffffff\r\n{\"quantity\":1}\r\n0\r\n\r\n"}) {
            RawRequest.Reply reply = RawRequest.send("localhost", port, "POST " + path + " HTTP/1.1",
                    Map.of("Transfer-Encoding", "chunked", "Content-Type", "application/json"), body);

            assertThat(reply.status()).as(reply.head()).isEqualTo(400);
            assertThat(reply.isProblem()).as(reply.head()).isTrue();
            assertThat(reply.header("X-Request-Id")).isNotBlank();
            assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(reply.header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
            JsonNode problem = ProblemAssertions.json(reply.body());
            assertThat(problem.path("type").asString()).endsWith("/malformed-request");
            assertThat(problem.path("detail").asString()).contains("chunked");
        }
        // a well-formed chunked body still passes
        RawRequest.Reply passed = RawRequest.send("localhost", port, "POST " + path + " HTTP/1.1",
                Map.of("Transfer-Encoding", "chunked", "Content-Type", "application/json"),
                "e\r\n{\"quantity\":1}\r\n0\r\n\r\n");
        assertThat(passed.status()).as(passed.head()).isEqualTo(200);
    }

    /** Only HTTP/1.x is spoken on the plain port: another version is a 400 problem that reaches no service. */
    @Test
    void anotherHttpVersionIsA400ProblemThatReachesNoService() {
        String product = "/api/v1/products/" + UUID.randomUUID();
        for (String version : new String[] {"HTTP/2.0", "HTTP/9.9", "HTTP/0.9"}) {
            RawRequest.Reply reply = RawRequest.send("localhost", port, "GET " + product + " " + version, Map.of());

            assertThat(reply.status()).as(version + ": " + reply.head()).isEqualTo(400);
            assertThat(reply.isProblem()).as(reply.head()).isTrue();
            assertThat(reply.header("X-Request-Id")).isNotBlank();
            JsonNode problem = ProblemAssertions.json(reply.body());
            assertThat(problem.path("type").asString()).endsWith("/malformed-request");
            assertThat(problem.path("detail").asString()).contains("HTTP version");
        }
        assertThat(backends().at(product)).isEmpty();
        assertThat(RawRequest.send("localhost", port, "GET " + product + " HTTP/1.0", Map.of()).status()).isEqualTo(200);
    }

    /** A transfer coding other than chunked alone is refused, not read as a request without a body. */
    @Test
    void aTransferCodingOtherThanChunkedIsA400ProblemThatReachesNoService() {
        String product = "/api/v1/products/" + UUID.randomUUID();
        for (String codings : new String[] {"gzip", "br", "gzip, chunked"}) {
            RawRequest.Reply reply = RawRequest.get("localhost", port, product, Map.of("Transfer-Encoding", codings));

            assertThat(reply.status()).as(codings + ": " + reply.head()).isEqualTo(400);
            assertThat(reply.isProblem()).as(reply.head()).isTrue();
            assertThat(ProblemAssertions.json(reply.body()).path("detail").asString()).contains("Transfer-Encoding");
        }
        assertThat(backends().at(product)).isEmpty();
    }

    @Test
    void refusalsCarryTheSecurityHeadersToo() {
        client().get().uri("/missing").exchange()
                .expectStatus().isNotFound()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    }
}
