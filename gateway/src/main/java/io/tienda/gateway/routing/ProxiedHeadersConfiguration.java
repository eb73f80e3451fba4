package io.tienda.gateway.routing;

import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** The proxied request's and response's headers in one copy each way ({@link ProxiedHeadersFilter}). */
@Configuration(proxyBeanMethods = false)
class ProxiedHeadersConfiguration {

    @Bean
    static BeanDefinitionRegistryPostProcessor withoutFrameworkHeaderCopies() {
        return ProxiedHeadersFilter.withoutFrameworkCopies();
    }

    @Bean
    ProxiedHeadersFilter proxiedHeadersFilter(List<ProxiedHeaders> parts) {
        return new ProxiedHeadersFilter(parts);
    }

    @Bean
    ProxiedHeadersFilter.Responses proxiedResponseHeadersFilter() {
        return new ProxiedHeadersFilter.Responses();
    }
}
