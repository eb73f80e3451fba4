package io.tienda.gateway.security;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityHeadersFilterTest {

    private final SecurityHeadersFilter filter = new SecurityHeadersFilter();

    @Test
    void hardensAPlainResponseWithoutHsts() {
        HttpHeaders headers = respond(MockServerWebExchange.from(MockServerHttpRequest.get("http://shop.example/api/v1/products")));

        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(headers.containsHeader("Strict-Transport-Security")).isFalse();
        assertThat(headers.containsHeader(HttpHeaders.CACHE_CONTROL)).isFalse();
    }

    @Test
    void sendsHstsOnlyOverTls() {
        HttpHeaders headers = respond(MockServerWebExchange.from(MockServerHttpRequest.get("https://shop.example/api/v1/products")));

        assertThat(headers.getFirst("Strict-Transport-Security")).isEqualTo("max-age=31536000 ; includeSubDomains");
    }

    @Test
    void leavesAHeaderTheServiceSetAlone() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("https://shop.example/dashboard"));
        HttpHeaders headers = respond(exchange, service -> {
            service.set("X-Frame-Options", "SAMEORIGIN");
            service.set("Referrer-Policy", "same-origin");
            service.set("Strict-Transport-Security", "max-age=60");
        });

        assertThat(headers.get("X-Frame-Options")).containsExactly("SAMEORIGIN");
        assertThat(headers.get("Referrer-Policy")).containsExactly("same-origin");
        assertThat(headers.get("Strict-Transport-Security")).containsExactly("max-age=60");
        assertThat(headers.get("X-Content-Type-Options")).containsExactly("nosniff");
    }

    @Test
    void anAnswerThatIsDataMayNeitherRunAnythingNorBeFramed() {
        for (String type : new String[] {"application/json", "application/problem+json", "Application/JSON; charset=utf-8",
                "application/vnd.tienda.order+json"}) {
            HttpHeaders headers = respond(MockServerWebExchange.from(MockServerHttpRequest.get("http://shop.example/api/v1/orders")),
                    service -> service.set(HttpHeaders.CONTENT_TYPE, type));

            assertThat(headers.getFirst("Content-Security-Policy")).as(type).isEqualTo("default-src 'none'; frame-ancestors 'none'");
        }
    }

    @Test
    void aPageKeepsWhatItNeedsToRun() {
        for (String type : new String[] {"text/html", "text/css", "application/javascript", "image/png", "text/jsonish"}) {
            HttpHeaders headers = respond(MockServerWebExchange.from(MockServerHttpRequest.get("http://shop.example/swagger-ui/index.html")),
                    service -> service.set(HttpHeaders.CONTENT_TYPE, type));

            assertThat(headers.containsHeader("Content-Security-Policy")).as(type).isFalse();
        }
        HttpHeaders unknown = respond(MockServerWebExchange.from(MockServerHttpRequest.get("http://shop.example/api/v1/orders")));
        assertThat(unknown.containsHeader("Content-Security-Policy")).as("no content type").isFalse();
        HttpHeaders own = respond(MockServerWebExchange.from(MockServerHttpRequest.get("http://shop.example/dashboard/api")),
                service -> {
                    service.set(HttpHeaders.CONTENT_TYPE, "application/json");
                    service.set("Content-Security-Policy", "default-src 'self'");
                });
        assertThat(own.get("Content-Security-Policy")).as("the service's own policy").containsExactly("default-src 'self'");
    }

    private HttpHeaders respond(MockServerWebExchange exchange) {
        return respond(exchange, service -> { });
    }

    private HttpHeaders respond(MockServerWebExchange exchange, Consumer<HttpHeaders> service) {
        filter.filter(exchange, passed -> {
            service.accept(passed.getResponse().getHeaders());
            return passed.getResponse().setComplete();
        }).block();
        return exchange.getResponse().getHeaders();
    }
}
