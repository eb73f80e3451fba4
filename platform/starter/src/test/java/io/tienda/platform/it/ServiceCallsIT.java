package io.tienda.platform.it;

import io.tienda.platform.http.ResilientCalls;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.cloud.loadbalancer.cache.CaffeineBasedLoadBalancerCacheManager;
import org.springframework.cloud.loadbalancer.cache.LoadBalancerCacheManager;
import org.springframework.context.ApplicationContext;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Calls to other services: by discovery name, retried only when idempotent, with a fallback. */
@Order(7)
class ServiceCallsIT extends StarterIT {

    @Autowired
    @LoadBalanced
    RestClient.Builder services;

    @Autowired
    RestClient.Builder plain;

    @Autowired
    ResilientCalls calls;

    @Test
    void theLoadBalancedBuilderResolvesServicesByName() {
        Stock stock = services.build().get().uri("http://stock-service/stock").retrieve().body(Stock.class);

        assertThat(stock.available()).isEqualTo(5);
    }

    /** The load balancer keeps its cache manager out of autowiring, so it is looked up by type. */
    @Test
    void discoveredInstancesAreCachedByCaffeineAsInProduction(@Autowired ApplicationContext context) {
        assertThat(context.getBeansOfType(LoadBalancerCacheManager.class).values())
                .singleElement().isInstanceOf(CaffeineBasedLoadBalancerCacheManager.class);
    }

    @Test
    void thePlainBuilderDoesNotGoThroughDiscovery() {
        Stock stock = plain.build().get().uri(OtherService.INSTANCE.uri() + "/stock").retrieve().body(Stock.class);

        assertThat(stock.available()).isEqualTo(5);
        assertThatThrownBy(() -> plain.build().get().uri("http://stock-service/stock").retrieve().body(Stock.class))
                .isInstanceOf(RestClientException.class);
    }

    @Test
    void anIdempotentCallIsRetriedUntilItSucceeds() {
        OtherService.INSTANCE.failFirst(2);

        Stock stock = calls.idempotent("stock-service-retry", this::fetchFlaky, e -> new Stock(-1));

        assertThat(stock.available()).isEqualTo(7);
        assertThat(OtherService.INSTANCE.calls()).isEqualTo(3);
    }

    @Test
    void aCallThatMustNotBeRepeatedIsTriedOnceThenFallsBack() {
        OtherService.INSTANCE.failFirst(1);

        Stock result = calls.once("stock-service-once", this::fetchFlaky, e -> new Stock(-1));

        assertThat(result.available()).as("the fallback answered").isEqualTo(-1);
        assertThat(OtherService.INSTANCE.calls()).isEqualTo(1);
    }

    private Stock fetchFlaky() {
        return services.build().get().uri("http://stock-service/flaky").retrieve().body(Stock.class);
    }

    record Stock(int available) {
    }
}
