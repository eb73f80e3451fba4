package io.tienda.platform.http;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Scope;
import org.springframework.web.client.RestClient;

/**
 * Calls between services go through discovery ({@code http://product-service/...}) with short
 * timeouts. The load-balanced builder is injected only where asked for with {@code @LoadBalanced};
 * a plain {@code RestClient.Builder} stays Boot's, so calls to absolute URLs (a payment provider,
 * say) never go through the load balancer by accident.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration",
        "io.github.resilience4j.springboot3.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration",
        "io.github.resilience4j.springboot3.retry.autoconfigure.RetryAutoConfiguration"},
        beforeName = "org.springframework.cloud.client.loadbalancer.LoadBalancerAutoConfiguration")
@EnableConfigurationProperties(HttpProperties.class)
public class HttpClientAutoConfiguration {

    @Bean(defaultCandidate = false)
    @LoadBalanced
    @Scope("prototype")
    RestClient.Builder loadBalancedRestClientBuilder(HttpProperties properties) {
        return RestClient.builder().requestFactory(properties.requestFactory());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean({CircuitBreakerRegistry.class, RetryRegistry.class})
    ResilientCalls resilientCalls(CircuitBreakerRegistry breakers, RetryRegistry retries) {
        return new ResilientCalls(breakers, retries);
    }
}
