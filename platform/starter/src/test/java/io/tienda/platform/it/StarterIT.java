package io.tienda.platform.it;

import io.tienda.platform.testing.KafkaProbe;
import io.tienda.platform.testing.Store;
import io.tienda.platform.testing.TiendaInfra;
import io.tienda.platform.testing.messaging.OutboxPublications;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** One shared context for every starter integration test: real PostgreSQL, Kafka and MongoDB. */
@SpringBootTest(classes = WidgetApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TiendaInfra(value = {Store.POSTGRES, Store.KAFKA, Store.MONGODB}, database = "starter")
abstract class StarterIT {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Autowired
    DataSource dataSource;

    final HttpClient http = HttpClient.newHttpClient();

    /** Registers the test's stand-in for another service under a discovery name. */
    @DynamicPropertySource
    static void otherServices(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.stock-service[0].uri",
                () -> OtherService.INSTANCE.uri().toString());
    }

    /** The widget service's JDBC outbox. */
    OutboxPublications outbox() {
        return new OutboxPublications(dataSource);
    }

    KafkaProbe kafka() {
        return new KafkaProbe(environment.getRequiredProperty("spring.kafka.bootstrap-servers"));
    }

    Reply send(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null && !headers.containsKey("Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply post(String path, String body) {
        return send("POST", path, body, Map.of());
    }

    Reply get(String path, String token) {
        return send("GET", path, null, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token));
    }

    record Reply(int status, String contentType, String body, HttpResponse<String> raw) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }
    }
}
