package io.tienda.platform.testing.http;

import java.util.List;

import io.tienda.platform.testing.ServiceChecks;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A response of a {@link TestApi}, read in full, with the checks the services' API tests make on it. Each
 * check answers the reply, so a test can assert and read on:
 *
 * <pre>
 * String id = api.post("/api/v1/auth/register", registration).expect(201).text("id");
 * assertThat(api.get("/api/v1/products?minPrice=500&amp;maxPrice=100").expectProblem(400, "validation").errorFields())
 *     .containsExactly("minPrice");
 * </pre>
 */
public record ApiReply(int status, HttpHeaders headers, String body) {

    public JsonNode json() {
        return TestApi.JSON.readTree(body);
    }

    /** The top-level member {@code field} as text; fails when the body has no such member. */
    public String text(String field) {
        JsonNode node = json().get(field);
        assertThat(node).as("field %s of %s", field, body).isNotNull();
        return node.asString();
    }

    public ApiReply expect(int expected) {
        assertThat(status).as("status of a response with body %s", body).isEqualTo(expected);
        return this;
    }

    /**
     * The response is {@code application/problem+json} with {@code expected} in the status line and in the
     * body, and the problem type {@code https://tienda.io/problems/<type>}.
     */
    public ApiReply expectProblem(int expected, String type) {
        expect(expected);
        assertThat(headers.getContentType()).as(body).isNotNull();
        assertThat(headers.getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).as(body).isTrue();
        JsonNode problem = json();
        assertThat(problem.get("type").asString()).as(body).isEqualTo(ServiceChecks.PROBLEM_TYPES + type);
        assertThat(problem.get("status").asInt()).as(body).isEqualTo(expected);
        return this;
    }

    /** The fields a validation problem names, in the order of its {@code errors}. */
    public List<String> errorFields() {
        JsonNode errors = json().get("errors");
        assertThat(errors).as("errors of %s", body).isNotNull();
        return errors.valueStream().map(error -> error.get("field").asString()).toList();
    }
}
