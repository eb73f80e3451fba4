package io.tienda.platform.testing;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every service's integration tests check the same way: problem responses, readiness, the topics
 * a service writes and its API description.
 *
 * <pre>
 * expectProblem(http.get().uri("/api/v1/orders").exchange(), 401, "unauthorized");
 * expectReady(http, "db");
 * expectTopicsWithDeadLetters(environment.getRequiredProperty("spring.kafka.bootstrap-servers"), "order.events");
 * expectDocumented(http, "/api/v1/orders", "/api/v1/orders/{id}");
 * </pre>
 */
public final class ServiceChecks {

    /** The prefix of every problem type the platform answers, e.g. {@code https://tienda.io/problems/not-found}. */
    public static final String PROBLEM_TYPES = "https://tienda.io/problems/";

    private ServiceChecks() {
    }

    /**
     * The response is {@code application/problem+json} with {@code status} in the status line and in the
     * body, and the problem type {@code https://tienda.io/problems/<type>}.
     */
    public static void expectProblem(RestTestClient.ResponseSpec response, int status, String type) {
        problem(response, status).jsonPath("$.type").isEqualTo(PROBLEM_TYPES + type);
    }

    /** Like {@link #expectProblem(RestTestClient.ResponseSpec, int, String)}, for any of the platform's problem types. */
    public static void expectProblem(RestTestClient.ResponseSpec response, int status) {
        problem(response, status).jsonPath("$.type")
            .value(String.class, type -> assertThat(type).startsWith(PROBLEM_TYPES));
    }

    private static RestTestClient.BodyContentSpec problem(RestTestClient.ResponseSpec response, int status) {
        return response.expectStatus().isEqualTo(status)
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status").isEqualTo(status);
    }

    /** The service reports itself ready, and each of {@code components} (e.g. {@code db}, {@code mongo}) is up. */
    public static void expectReady(RestTestClient http, String... components) {
        RestTestClient.BodyContentSpec body = http.get().uri("/actuator/health/readiness")
            .exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.status").isEqualTo("UP");
        for (String component : components) {
            body.jsonPath("$.components." + component + ".status").isEqualTo("UP");
        }
    }

    /**
     * Each of {@code topics} and its dead-letter topic ({@code <topic>.DLT}) exist on the broker within
     * 30 seconds.
     */
    public static void expectTopicsWithDeadLetters(String bootstrapServers, String... topics) {
        Set<String> expected = new LinkedHashSet<>();
        for (String topic : topics) {
            expected.add(topic);
            expected.add(topic + ".DLT");
        }
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(config)) {
            await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(admin.listTopics().names().get()).containsAll(expected));
        }
    }

    /** The OpenAPI description at {@code /v3/api-docs} gives each of {@code getPaths} a GET with a summary. */
    public static void expectDocumented(RestTestClient http, String... getPaths) {
        RestTestClient.BodyContentSpec body = http.get().uri("/v3/api-docs")
            .exchange()
            .expectStatus().isOk()
            .expectBody();
        for (String path : getPaths) {
            body.jsonPath("$.paths['" + path + "'].get.summary").exists();
        }
    }

}
