package io.tienda.platform.testing.http;

import java.util.List;

import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.resttestclient.autoconfigure.RestTestClientBuilderCustomizer;
import org.springframework.boot.test.http.server.LocalTestWebServer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.context.WebApplicationContext;

/**
 * The {@link RestTestClient} of a service's tests ({@code @AutoConfigureRestTestClient}), as Spring Boot builds
 * it but for one thing. Against a running server Boot's client works on Apache HttpClient 5 (the Eureka client
 * brings it), whose default retry strategy sends any request answered 503 or 429 once more after its
 * {@code Retry-After} or a second, whatever its method: a test saw a POST's second answer, and the service had
 * acted twice. Here an answer is never retried, so a test sees what the service answered the one request it
 * sent; a request that failed on the connection before any answer (a kept-alive connection the server had
 * closed) is still retried as HttpClient retries it, idempotent methods only.
 */
// Boot's own configuration, which is not public, makes its client only when no other one exists
@AutoConfiguration(
        beforeName = "org.springframework.boot.resttestclient.autoconfigure.RestTestClientTestAutoConfiguration")
@ConditionalOnClass({ RestTestClient.class, HttpClients.class, WebApplicationContext.class })
public class StatusRetryFreeRestTestClient {

    @Bean
    @ConditionalOnMissingBean
    RestTestClient restTestClient(WebApplicationContext context, List<RestTestClientBuilderCustomizer> customizers) {
        RestTestClient.Builder<?> builder = builder(context);
        customizers.forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    /**
     * For a test that builds its client itself: {@link RestTestClient#bindToServer()} without the retry of
     * answers.
     */
    public static RestTestClient.Builder<?> bindToServer() {
        return RestTestClient.bindToServer(new HttpComponentsClientHttpRequestFactory(httpClient()));
    }

    private static RestTestClient.Builder<?> builder(WebApplicationContext context) {
        LocalTestWebServer server = LocalTestWebServer.get(context);
        if (server != null) {
            return bindToServer().uriBuilderFactory(server.uriBuilderFactory());
        }
        if (context.getBeanNamesForType(MockMvc.class).length > 0) {
            return RestTestClient.bindTo(context.getBean(MockMvc.class));
        }
        return RestTestClient.bindToApplicationContext(context);
    }

    /** HttpClient 5 as Spring's request factory makes it by default, without retrying answers. */
    static CloseableHttpClient httpClient() {
        return HttpClients.custom().useSystemProperties().setRetryStrategy(new AnswersNotRetried()).build();
    }

    /** HttpClient's default strategy for I/O failures; no answer is retried. */
    static final class AnswersNotRetried extends DefaultHttpRequestRetryStrategy {

        AnswersNotRetried() {
            super(1, TimeValue.ofSeconds(1));
        }

        @Override
        public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
            return false;
        }

    }

}
