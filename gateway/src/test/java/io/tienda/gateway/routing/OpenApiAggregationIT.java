package io.tienda.gateway.routing;

import io.tienda.gateway.GatewayIT;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static io.tienda.gateway.ProblemAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;

class OpenApiAggregationIT extends GatewayIT {

    @Test
    void swaggerUiListsEveryServiceThroughItsGatewayRoute() {
        String config = client().get().uri("/v3/api-docs/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        List<String> names = new ArrayList<>();
        for (JsonNode url : json(config).path("urls")) {
            assertThat(url.path("url").asString()).isEqualTo("/v3/api-docs/" + url.path("name").asString());
            names.add(url.path("name").asString());
        }
        assertThat(names).containsExactlyInAnyOrderElementsOf(ApiRoutes.SERVICES);
    }

    @Test
    void eachServicesDocumentIsServedByThatService() {
        for (String service : List.of("product-service", "user-service", "returns-service")) {
            String document = client().get().uri("/v3/api-docs/" + service).exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(json(document).path("info").path("title").asString()).isEqualTo(service);
        }
        assertThat(backends().at("/v3/api-docs")).extracting(received -> received.service())
                .contains("product-service", "user-service", "returns-service");
    }

    @Test
    void servesSwaggerUi() {
        String location = client().get().uri("/swagger-ui.html").exchange()
                .expectStatus().is3xxRedirection()
                .returnResult(Void.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION);
        assertThat(location).endsWith("/swagger-ui/index.html");

        client().get().uri(location).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
    }
}
