package io.tienda.platform.it;

import io.tienda.platform.testing.http.RawRequest;
import io.tienda.platform.testing.security.TestTokens;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input answers 4xx problem+json with a stable type, and changes nothing. */
@Order(1)
class ProblemJsonIT extends StarterIT {

    @Autowired
    JdbcTemplate jdbc;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed JSON             | {"name": "x", "quantity": | 400 | malformed-request
            not JSON at all            | hello                     | 400 | malformed-request
            empty body                 |                           | 400 | malformed-request
            wrong type                 | {"name": "x", "quantity": "many"} | 400 | invalid-field-type
            number overflow            | {"name": "x", "quantity": 99999999999999} | 400 | invalid-field-type
            fraction for a whole number | {"name": "x", "quantity": 1.5} | 400 | invalid-field-type
            decimal point on a whole number | {"name": "x", "quantity": 2.0} | 400 | invalid-field-type
            number in quotes           | {"name": "x", "quantity": "5"} | 400 | invalid-field-type
            empty text for a number    | {"name": "x", "quantity": ""} | 400 | invalid-field-type
            number for text            | {"name": 12, "quantity": 1} | 400 | invalid-field-type
            boolean for text           | {"name": true, "quantity": 1} | 400 | invalid-field-type
            blank and negative fields  | {"name": " ", "quantity": -1} | 400 | validation
            array instead of object    | [1, 2, 3]                 | 400 | invalid-body
            a character text cannot hold | {"name": "a\\u0000b", "quantity": 1} | 400 | malformed-request
            a field sent twice         | {"name": "x", "quantity": 1, "quantity": 1000} | 400 | malformed-request
            """)
    void badBodiesAreRefusedAndChangeNothing(String name, String body, int status, String type) {
        int before = widgets();

        Reply reply = post("/api/v1/widgets", body == null ? "" : body);

        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.isProblem()).as(reply.body()).isTrue();
        assertThat(reply.json().get("type").asString()).isEqualTo("https://tienda.io/problems/" + type);
        assertThat(reply.json().get("status").asInt()).isEqualTo(status);
        assertThat(reply.json().get("requestId").asString()).isNotBlank();
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at io.");
        assertThat(widgets()).isEqualTo(before);
    }

    @Test
    void aValueOfAnotherTypeNamesItsFieldInsteadOfBeingConverted() {
        Reply reply = post("/api/v1/widgets", "{\"name\": \"x\", \"quantity\": 19.99}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("detail").asString()).isEqualTo("Field 'quantity' has the wrong type or format");
        assertThat(reply.json().get("errors").findValuesAsString("field")).containsExactly("quantity");
    }

    @Test
    void aFieldSentTwiceIsNamedRatherThanItsLastCopyTaken() {
        Reply reply = post("/api/v1/widgets", "{\"name\": \"x\", \"quantity\": 1, \"name\": \"y\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("detail").asString()).isEqualTo("Field 'name' is given more than once");
        assertThat(reply.json().get("errors").findValuesAsString("field")).containsExactly("name");
    }

    @Test
    void validationListsEveryInvalidField() {
        Reply reply = post("/api/v1/widgets", "{\"name\": \"\", \"quantity\": 5000}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("errors").findValuesAsString("field")).containsExactly("name", "quantity");
    }

    @Test
    void aBodyValidatedWithItsHeadersStillNamesItsFields() {
        Reply body = post("/api/v1/widgets/keyed", "{\"name\": \"\", \"quantity\": 5000}");
        assertThat(body.status()).isEqualTo(400);
        assertThat(body.json().get("errors").findValuesAsString("field")).containsExactly("name", "quantity");

        Reply header = send("POST", "/api/v1/widgets/keyed", "{\"name\": \"ok\", \"quantity\": 1}",
                java.util.Map.of("Idempotency-Key", "k".repeat(21)));
        assertThat(header.status()).isEqualTo(400);
        assertThat(header.json().get("errors").findValuesAsString("field")).containsExactly("key");
    }

    @Test
    void wrongParameterTypesAreA400() {
        Reply badId = get("/api/v1/widgets/public/not-a-uuid", null);
        Reply badPage = get("/api/v1/widgets/public/" + java.util.UUID.randomUUID() + "?page=two", null);

        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.json().get("type").asString()).endsWith("/invalid-parameter");
        assertThat(badPage.status()).isEqualTo(400);
        assertThat(badPage.json().get("errors").get(0).get("field").asString()).isEqualTo("page");
    }

    /**
     * Paths and queries Tomcat refuses before any filter runs, or cannot decode when a parameter is
     * first read: sent byte for byte, since an HTTP client would refuse to send most of them.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /api/v1/widgets/public/%ZZ                                               | malformed-request
            /api/v1/widgets/public/%2F                                               | malformed-request
            /api/v1/widgets/public/%00                                               | malformed-request
            /api/v1/widgets/public/%C0%AF                                            | malformed-request
            /api/v1/widgets/public/8d0f4b8e-93b4-4c84-9d0e-3b3e5d0c7a11?page=%ZZ     | invalid-parameter
            /api/v1/widgets/public/8d0f4b8e-93b4-4c84-9d0e-3b3e5d0c7a11?page=1&q=%   | invalid-parameter
            /api/v1/widgets/public/filters?colo%00r=red                              | malformed-request
            """)
    void undecodablePathsAndQueriesAre400Problems(String target, String type) {
        RawRequest.Reply reply = RawRequest.get("localhost", port, target, Map.of());

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.isProblem()).as(reply.head()).isTrue();
        JsonNode problem = JSON.readTree(reply.body());
        assertThat(problem.get("type").asString()).isEqualTo("https://tienda.io/problems/" + type);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(reply.body()).doesNotContain("Tomcat").doesNotContain("Exception").doesNotContain("%");
    }

    /**
     * Refusals Tomcat makes with a 5xx (505 for the HTTP version, 501 for the transfer coding) although the
     * request alone causes them: a 400 problem saying which, never a 5xx.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            GET /api/v1/widgets/public/filters HTTP/2.0 |                   | HTTP version
            GET /api/v1/widgets/public/filters HTTP/9.9 |                   | HTTP version
            GET /api/v1/widgets/public/filters HTTP/1.1 | gzip              | Transfer-Encoding
            GET /api/v1/widgets/public/filters HTTP/1.1 | br                | Transfer-Encoding
            """)
    void anotherHttpVersionOrAnUnknownTransferCodingIsA400Problem(String requestLine, String transferEncoding,
            String named) {
        RawRequest.Reply reply = RawRequest.send("localhost", port, requestLine,
                transferEncoding == null ? Map.of() : Map.of("Transfer-Encoding", transferEncoding));

        assertThat(reply.status()).as(reply.head()).isEqualTo(400);
        assertThat(reply.isProblem()).as(reply.head()).isTrue();
        JsonNode problem = JSON.readTree(reply.body());
        assertThat(problem.get("type").asString()).isEqualTo("https://tienda.io/problems/malformed-request");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asString()).contains(named);
    }

    /** Headers Tomcat refuses (two different lengths for one body) are a 400 problem that says the headers may be why. */
    @Test
    void conflictingContentLengthsAreAMalformedRequest() {
        int before = widgets();

        RawRequest.Reply reply = RawRequest.send("localhost", port, "POST /api/v1/widgets HTTP/1.1",
                Map.of("Content-Type", "application/json", "Content-Length", "2\r\nContent-Length: 3"), "{}");

        assertThat(reply.status()).as(reply.head()).isEqualTo(400);
        assertThat(reply.isProblem()).as(reply.head()).isTrue();
        JsonNode problem = JSON.readTree(reply.body());
        assertThat(problem.get("type").asString()).isEqualTo("https://tienda.io/problems/malformed-request");
        assertThat(problem.get("detail").asString()).contains("headers");
        assertThat(widgets()).isEqualTo(before);
    }

    /**
     * A chunked body Tomcat cannot read (its chunk size is not hexadecimal, or beyond any length) is a
     * 400 malformed-request, not the invalid-parameter it was named before, and stores nothing. Its
     * problem quotes the request's id like every other, though it is answered after the id's filter.
     */
    @ParameterizedTest
    @ValueSource(strings = {"zz\r\n{\"name\":\"x\",\"quantity\":1}\r\n0\r\n\r\n",
            "ffffffffffffffffff\r\n{\"name\":\"x\",\"quantity\":1}\r\n0\r\n\r\n"})
    void aChunkedBodyThatCannotBeReadIsAMalformedRequest(String body) {
        int before = widgets();

        RawRequest.Reply reply = RawRequest.send("localhost", port, "POST /api/v1/widgets HTTP/1.1",
                Map.of("Transfer-Encoding", "chunked", "Content-Type", "application/json",
                        "Authorization", "Bearer " + TestTokens.token("u1", "CUSTOMER")), body);

        assertThat(reply.status()).as(reply.head()).isEqualTo(400);
        assertThat(reply.isProblem()).as(reply.head()).isTrue();
        JsonNode problem = JSON.readTree(reply.body());
        assertThat(problem.get("type").asString()).isEqualTo("https://tienda.io/problems/malformed-request");
        assertThat(problem.get("requestId").asString()).isNotBlank().isEqualTo(reply.header("X-Request-Id"));
        assertThat(reply.body()).doesNotContain("Exception");
        assertThat(widgets()).isEqualTo(before);
    }

    @Test
    void unknownRoutesAndMissingResourcesAre404() {
        Reply route = get("/api/v1/nothing-here", TestTokens.token("u1", "CUSTOMER"));
        Reply missing = get("/api/v1/widgets/public/" + java.util.UUID.randomUUID(), null);

        assertThat(route.status()).isEqualTo(404);
        assertThat(route.json().get("type").asString()).endsWith("/not-found");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("detail").asString()).startsWith("widget ");
    }

    @Test
    void wrongMethodIs405WithAllow() {
        Reply reply = send("PUT", "/api/v1/widgets", "{}",
                Map.of("Authorization", "Bearer " + TestTokens.token("u1", "CUSTOMER")));

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.json().get("type").asString()).endsWith("/method-not-allowed");
        assertThat(reply.raw().headers().firstValue("Allow")).isPresent();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            text/plain
            application/*
            */*
            multipart/form-data; boundary=
            multipart/form-data; boundary=x
            """)
    void aBodyOfAnotherOrNoParticularTypeIs415AndChangesNothing(String contentType) {
        int before = widgets();

        Reply reply = send("POST", "/api/v1/widgets", "{\"name\": \"x\", \"quantity\": 1}",
                Map.of("Content-Type", contentType));

        assertThat(reply.status()).as(reply.body()).isEqualTo(415);
        assertThat(reply.json().get("type").asString()).endsWith("/unsupported-media-type");
        assertThat(widgets()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            application/xml
            text/html, application/xhtml+xml
            text/plain;q=0.9, image/png
            not a media type
            """)
    void aChangeWhoseAnswerTheCallerCannotReadIs406AndIsNotMade(String accept) {
        int before = widgets();

        Reply reply = send("POST", "/api/v1/widgets", "{\"name\": \"x\", \"quantity\": 1}", Map.of("Accept", accept));

        assertThat(reply.status()).as(reply.body()).isEqualTo(406);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.json().get("type").asString()).endsWith("/not-acceptable");
        assertThat(widgets()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            application/json
            */*
            application/*
            application/xml, application/json;q=0.1
            text/html, */*;q=0.8
            """)
    void aChangeWhoseAnswerTheCallerCanReadIsMade(String accept) {
        int before = widgets();

        Reply reply = send("POST", "/api/v1/widgets", "{\"name\": \"x\", \"quantity\": 1}", Map.of("Accept", accept));

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.json().get("name").asString()).isEqualTo("x");
        assertThat(widgets()).isEqualTo(before + 1);
    }

    @Test
    void aMultipartContentTypeOnARequestWithoutBodyIsIgnored() {
        Reply reply = send("GET", "/api/v1/widgets/public/" + java.util.UUID.randomUUID(), null,
                Map.of("Content-Type", "multipart/form-data; boundary="));

        assertThat(reply.status()).as(reply.body()).isEqualTo(404);
        assertThat(reply.isProblem()).isTrue();
    }

    @Test
    void hugeBodiesAre413WhetherDeclaredOrStreamed() {
        String huge = "{\"name\": \"" + "x".repeat(40_000) + "\", \"quantity\": 1}";
        int before = widgets();

        Reply declared = post("/api/v1/widgets", huge);
        Reply chunked = chunkedPost("/api/v1/widgets", huge);

        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.json().get("type").asString()).endsWith("/payload-too-large");
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(chunked.isProblem()).isTrue();
        assertThat(widgets()).isEqualTo(before);
    }

    @Test
    void requestIdIsKeptWhenWellFormedAndReplacedOtherwise() {
        Reply kept = send("GET", "/api/v1/widgets/public/x", null, Map.of("X-Request-Id", "abc-123"));
        Reply replaced = send("GET", "/api/v1/widgets/public/x", null, Map.of("X-Request-Id", "bad id <script>"));

        assertThat(kept.raw().headers().firstValue("X-Request-Id")).contains("abc-123");
        assertThat(kept.json().get("requestId").asString()).isEqualTo("abc-123");
        assertThat(replaced.raw().headers().firstValue("X-Request-Id").orElseThrow()).doesNotContain("<");
    }

    private Reply chunkedPost(String path, String body) {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(body.getBytes())))
                .build();
        try {
            var response = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private int widgets() {
        return jdbc.queryForObject("select count(*) from widgets", Integer.class);
    }
}
