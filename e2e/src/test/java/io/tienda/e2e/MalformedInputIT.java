package io.tienda.e2e;

import io.tienda.e2e.Accounts.Account;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.math.BigInteger;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No request produces a 5xx by its content alone. Every endpoint of {@link AuthorizationMatrixIT}
 * that takes a body gets each of its fields, and each field one level down, replaced by values of
 * the wrong kind or out of range, and bodies that are not the right JSON at all; a value of another
 * JSON type is a 400 invalid-field-type wherever it is sent; every query
 * parameter gets broken values; paths and queries with broken percent-encoding go to every service
 * and through the gateway. Each request is sent as the first caller the matrix lets through, to
 * the service that owns the path (the gateway passes bodies on unchanged, and its per-user budgets
 * would shape a sweep this size). Every answer is below 500 and every refusal is problem+json.
 */
@ExtendWith(Fleet.class)
class MalformedInputIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The first path segment after /api/v1/ → the port of the service that owns it in the local fleet. */
    private static final Map<String, Integer> OWNERS = Map.ofEntries(
            Map.entry("products", 8001), Map.entry("categories", 8001), Map.entry("offers", 8001),
            Map.entry("brands", 8001), Map.entry("search", 8001), Map.entry("pricing", 8001),
            Map.entry("cart", 8002), Map.entry("orders", 8003), Map.entry("payments", 8004),
            Map.entry("users", 8005), Map.entry("auth", 8005), Map.entry("inventory", 8006),
            Map.entry("warehouses", 8006), Map.entry("returns", 8007), Map.entry("notifications", 8008),
            Map.entry("tickets", 8008), Map.entry("templates", 8008), Map.entry("analytics", 8009));

    /**
     * Rows refused only because of one field: an unknown parent or category, a taken code, a template
     * that does not render, a blank name, a checkout without a usable address, a blank new password
     * (which also keeps the wrong current password from counting against the account). That field
     * keeps its value: set to something odd it could be accepted (an empty or a long text may be a
     * valid value) and the sweep would change the fleet's data. Every other field is still swept, and is checked
     * before that one.
     */
    private static final Map<String, String> GUARDS = Map.ofEntries(
            Map.entry("POST /api/v1/products", "categoryId"),
            Map.entry("POST /api/v1/categories", "parentId"),
            Map.entry("POST /api/v1/offers", "targetIds"),
            Map.entry("PUT /api/v1/templates/verify-email/en", "subject"),
            Map.entry("POST /api/v1/warehouses", "code"),
            Map.entry("POST /api/v1/brands", "name"),
            Map.entry("PATCH /api/v1/users/me", "name"),
            Map.entry("POST /api/v1/orders", "shippingAddress"),
            Map.entry("POST /api/v1/users/me/password", "newPassword"),
            Map.entry("PUT /api/v1/templates/order-confirmed/en", "subject"));

    private static final List<JsonNode> ODD_VALUES = List.of(NODES.nullNode(), NODES.stringNode(""),
            NODES.numberNode(-1), NODES.numberNode(new BigInteger("99999999999999999999999")),
            NODES.numberNode(1e308), NODES.numberNode(0.5), NODES.stringNode("x".repeat(5000)),
            NODES.stringNode("\u0000\uFFFF"), NODES.stringNode("+99999-01-01T00:00:00Z"),
            NODES.stringNode("-99999-01-01"), NODES.arrayNode(), NODES.objectNode(), NODES.booleanNode(true),
            NODES.arrayNode().add(NODES.nullNode()), NODES.objectNode().putNull("x"));

    private static final List<String> ODD_BODIES = List.of("{", "null", "[]", "\"text\"", "12",
            "[".repeat(2000), "{\"a\": 1e99999}", "{\"a\": \"\\ud800\"}");

    private static final List<String> ODD_PARAMETERS = List.of("", "-1", "0", "99999999999999999999",
            "1e999", "x", "2026-02-30", "0000-01-01", "+999999999-12-31", "é", "x".repeat(3000), "[]", "%");

    @TestFactory
    Stream<DynamicTest> everyFieldOfEveryBodyWithOddValues() {
        return rows().stream().filter(row -> row.body() != null).map(row -> DynamicTest.dynamicTest(
                row.method() + " " + row.path(), () -> {
                    List<String> wrong = new ArrayList<>();
                    ObjectNode body = (ObjectNode) JSON.readTree(row.body());
                    for (ObjectNode variant : variants(body, GUARDS.get(row.method() + " " + row.path()))) {
                        check(row, variant.toString(), wrong);
                    }
                    for (String raw : ODD_BODIES) {
                        check(row, raw, wrong);
                    }
                    assertThat(wrong).as("5xx or non-problem refusals").isEmpty();
                }));
    }

    /**
     * A value of another JSON type is refused, never converted: text gets a number or a boolean,
     * a number gets the same number in quotes, a fraction or empty text, a boolean gets text or 1.
     * Each is a 400, checked before any lookup the request names, so it changes nothing even where
     * the rest of the body would have been accepted: invalid-field-type where the body is bound to
     * its record, a validation problem naming the field where an endpoint reads the JSON itself (a
     * merge patch), and the signature refusal on the webhook, which reads nothing before that.
     */
    @TestFactory
    Stream<DynamicTest> everyFieldOfEveryBodyWithAValueOfAnotherType() {
        return rows().stream().filter(row -> row.body() != null).map(row -> DynamicTest.dynamicTest(
                row.method() + " " + row.path(), () -> {
                    List<String> wrong = new ArrayList<>();
                    for (ObjectNode variant : otherTypes((ObjectNode) JSON.readTree(row.body()))) {
                        Api.Reply reply = send(row, variant.toString());
                        if (reply.status() != 400 || !reply.isProblem()) {
                            wrong.add(describe(row, variant.toString(), reply));
                        }
                    }
                    assertThat(wrong).as("values of another type that were not refused as such").isEmpty();
                }));
    }

    /**
     * A field sent twice in one body is a 400 problem at every endpoint, never read as one of its copies
     * (which another reader of the same body might not take): the first field of each body is repeated with
     * the same value, so nothing but the repetition is wrong with it.
     */
    @TestFactory
    Stream<DynamicTest> everyBodyWithAFieldSentTwice() {
        return rows().stream().filter(row -> row.body() != null && !JSON.readTree(row.body()).isEmpty()).map(row -> DynamicTest.dynamicTest(
                row.method() + " " + row.path(), () -> {
                    ObjectNode body = (ObjectNode) JSON.readTree(row.body());
                    String field = body.propertyNames().iterator().next();
                    String twice = "{" + JSON.writeValueAsString(field) + ": " + body.get(field) + ", "
                            + body.toString().substring(1);

                    Api.Reply reply = send(row, twice);

                    assertThat(reply.status()).as(describe(row, twice, reply)).isEqualTo(400);
                    assertThat(reply.isProblem()).as(describe(row, twice, reply)).isTrue();
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyQueryParameterWithOddValues() {
        return rows().stream().filter(row -> row.method().equals("GET") && row.path().contains("?"))
                .map(row -> DynamicTest.dynamicTest(row.path(), () -> {
                    List<String> wrong = new ArrayList<>();
                    String path = row.path().substring(0, row.path().indexOf('?'));
                    String[] parameters = row.path().substring(row.path().indexOf('?') + 1).split("&");
                    for (int i = 0; i < parameters.length; i++) {
                        for (String odd : ODD_PARAMETERS) {
                            String[] changed = parameters.clone();
                            changed[i] = parameters[i].substring(0, parameters[i].indexOf('=') + 1)
                                    + URLEncoder.encode(odd, StandardCharsets.UTF_8);
                            check(new Row("GET", path + "?" + String.join("&", changed), null, row.caller()), null, wrong);
                        }
                    }
                    assertThat(wrong).as("5xx or non-problem refusals").isEmpty();
                }));
    }

    @Test
    void brokenPercentEncodingIsA400ProblemAtEveryServiceAndAtTheGateway() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (URI base : everyServiceAndTheGateway()) {
            for (String target : List.of("/api/v1/products/%ZZ", "/api/v1/orders/%2F", "/api/v1/returns/%00",
                    "/api/v1/tickets/%C0%AF", "/api/v1/products?q=%", "/api/v1/orders?page=%G1",
                    "/api/v1/analytics/kpis?from=%")) {
                expect4xxProblem(base, "GET " + target + " HTTP/1.1\r\n", "", wrong);
            }
        }
        assertThat(wrong).as("answers that are not a 4xx problem").isEmpty();
    }

    /**
     * Requests broken below the body: a Content-Type that names no one format or a multipart one
     * without a boundary, headers or a request line over the limits, a Content-Length that is not a
     * number, a header name with a space, contradictory transfer codings, a transfer coding nobody
     * implements, a chunked body whose chunk size is not a number, another HTTP version (which Tomcat
     * answers 501 and 505, turned into 400 problems).
     */
    @Test
    void requestsBrokenBelowTheBodyAre4xxProblemsAtEveryServiceAndAtTheGateway() throws IOException {
        List<String> wrong = new ArrayList<>();
        String post = "POST /api/v1/pricing HTTP/1.1\r\nContent-Length: 2\r\n";
        String get = "GET /api/v1/products HTTP/1.1\r\n";
        for (URI base : everyServiceAndTheGateway()) {
            for (String[] request : List.of(
                    new String[] {post + "Content-Type: application/*\r\n", "{}"},
                    new String[] {post + "Content-Type: multipart/form-data; boundary=\r\n", "{}"},
                    new String[] {get + "X-Padding: " + "x".repeat(20_000) + "\r\n", ""},
                    new String[] {"GET /api/v1/products?q=" + "x".repeat(10_000) + " HTTP/1.1\r\n", ""},
                    new String[] {get + "Content-Length: abc\r\n", ""},
                    new String[] {get + "Bad Header: x\r\n", ""},
                    new String[] {get + "Transfer-Encoding: chunked, identity\r\n", ""},
                    new String[] {get + "Transfer-Encoding: gzip\r\n", ""},
                    new String[] {"POST /api/v1/pricing HTTP/1.1\r\nContent-Type: application/json\r\n"
                            + "Transfer-Encoding: chunked\r\n", "zz\r\n{}\r\n0\r\n\r\n"},
                    new String[] {"GET /api/v1/products HTTP/2.0\r\n", ""},
                    new String[] {"GET /api/v1/products HTTP/9.9\r\n", ""})) {
                expect4xxProblem(base, request[0], request[1], wrong);
            }
        }
        assertThat(wrong).as("answers that are not a 4xx problem").isEmpty();
    }

    private static List<URI> everyServiceAndTheGateway() {
        List<URI> targets = new ArrayList<>();
        targets.add(Fleet.gateway());
        OWNERS.values().stream().distinct().sorted().forEach(port -> targets.add(URI.create("http://localhost:" + port)));
        return targets;
    }

    /** Sends the request byte for byte and notes it in {@code wrong} unless the answer is a 4xx problem. */
    private static void expect4xxProblem(URI base, String requestLineAndHeaders, String body, List<String> wrong)
            throws IOException {
        String head = rawHead(base, requestLineAndHeaders, body);
        if (!head.startsWith("http/1.1 4") || !head.contains("\ncontent-type: application/problem+json")) {
            String shown = requestLineAndHeaders.replace("\r\n", " ");
            wrong.add(base + " " + shown.substring(0, Math.min(90, shown.length())) + " -> "
                    + head.lines().findFirst().orElse("(nothing)"));
        }
    }

    /** The body with each field, and each field of a nested object or of an array's first object, set to each odd value or left out. */
    private static List<ObjectNode> variants(ObjectNode body, String guard) {
        List<ObjectNode> variants = new ArrayList<>();
        for (String field : body.propertyNames()) {
            if (field.equals(guard)) {
                continue;
            }
            for (JsonNode odd : ODD_VALUES) {
                variants.add(body.deepCopy().set(field, odd));
            }
            variants.add((ObjectNode) body.deepCopy().without(field));
            variants.addAll(withNested(body, field, nested -> variants(nestedOnly(nested), null)));
        }
        return variants;
    }

    /** The body with each scalar field, and each of a nested object or an array's first object, given values of another type. */
    private static List<ObjectNode> otherTypes(ObjectNode body) {
        List<ObjectNode> variants = new ArrayList<>();
        for (String field : body.propertyNames()) {
            JsonNode value = body.get(field);
            List<JsonNode> others = value.isString() ? List.of(NODES.numberNode(12), NODES.booleanNode(true))
                    : value.isIntegralNumber() ? List.of(NODES.stringNode(value.asString()), NODES.numberNode(1.5),
                            NODES.stringNode(""))
                    : value.isBoolean() ? List.of(NODES.stringNode(value.asString()), NODES.numberNode(1))
                    : List.of();
            for (JsonNode other : others) {
                variants.add(body.deepCopy().set(field, other));
            }
            variants.addAll(withNested(body, field, MalformedInputIT::otherTypes));
        }
        return variants;
    }

    /**
     * The body with the field's object, or its array's first object, replaced by each variant of it;
     * none when the field holds neither.
     */
    private static List<ObjectNode> withNested(ObjectNode body, String field,
            Function<ObjectNode, List<ObjectNode>> variantsOf) {
        JsonNode value = body.get(field);
        ObjectNode nested = value.isObject() ? (ObjectNode) value
                : value.isArray() && !value.isEmpty() && value.get(0).isObject() ? (ObjectNode) value.get(0) : null;
        List<ObjectNode> variants = new ArrayList<>();
        if (nested != null) {
            for (ObjectNode inner : variantsOf.apply(nested)) {
                variants.add(body.deepCopy().set(field, value.isObject() ? inner : NODES.arrayNode().add(inner)));
            }
        }
        return variants;
    }

    /** A nested object's own fields only: one level down is deep enough and keeps the sweep short. */
    private static ObjectNode nestedOnly(ObjectNode nested) {
        ObjectNode flat = NODES.objectNode();
        nested.properties().forEach(e -> flat.set(e.getKey(), e.getValue().isContainer() ? NODES.stringNode("x") : e.getValue()));
        return flat;
    }

    private static void check(Row row, String body, List<String> wrong) {
        Api.Reply reply = send(row, body);
        if (reply.status() >= 500 || reply.status() >= 400 && !reply.isProblem()) {
            wrong.add(describe(row, body, reply));
        }
    }

    /**
     * The row's request with this body, to the service that owns the path, as the row's caller. A
     * POST carries a fresh Idempotency-Key, so that the endpoints requiring one read the body too.
     */
    private static Api.Reply send(Row row, String body) {
        String area = row.path().split("[/?]")[3];
        Api.Call call = new Api(URI.create("http://localhost:" + OWNERS.get(area))).method(row.method(), row.path(), body);
        if (row.caller() != null) {
            call.bearer(Accounts.session(row.caller()).accessToken());
        }
        if (row.method().equals("POST")) {
            call.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        return call.send();
    }

    private static String describe(Row row, String body, Api.Reply reply) {
        String shown = body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
        return row.method() + " " + row.path() + " " + shown + " -> " + reply.status() + " "
                + reply.body().substring(0, Math.min(200, reply.body().length()));
    }

    /**
     * The status line and headers, lower-cased, of a GET whose target goes out byte for byte (an HTTP
     * client refuses to send broken percent-encoding). The e2e module speaks HTTP only, so this small
     * socket exchange is its own rather than platform/testing's RawRequest.
     */
    private static String rawHead(URI base, String requestLineAndHeaders, String body) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((requestLineAndHeaders + "Host: localhost\r\nX-Forwarded-For: "
                    + Accounts.randomClientAddress() + "\r\nConnection: close\r\n\r\n" + body)
                    .getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            int end = response.indexOf("\r\n\r\n");
            return (end < 0 ? response : response.substring(0, end)).toLowerCase(Locale.ROOT);
        }
    }

    /** A matrix row under /api/v1/, with the first caller the matrix does not refuse (null: anonymous). */
    private record Row(String method, String path, String body, Account caller) {
    }

    private static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (AuthorizationMatrixIT.Entry entry : AuthorizationMatrixIT.entries()) {
            if (!entry.path().startsWith("/api/v1/")) {
                continue;
            }
            for (int i = 0; i < entry.statuses().size(); i++) {
                if (entry.statuses().get(i) != 401 && entry.statuses().get(i) != 403) {
                    rows.add(new Row(entry.method(), entry.path(), entry.body(), AuthorizationMatrixIT.Entry.caller(i)));
                    break;
                }
            }
        }
        return rows;
    }
}
