package io.tienda.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem+json for every error, request ids, the body-size limit, the Content-Type and Accept checks and
 * strict JSON types, for every servlet service.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(WebProperties.class)
@Import({ProblemHandling.class, ProblemErrorController.class})
public class WebAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Problems problems(JsonMapper json) {
        return new Problems(json);
    }

    /** JSON values are read as the types they are, never converted; see {@link StrictJson}. */
    @Bean
    StrictJson strictJson() {
        return new StrictJson();
    }

    /** Tomcat's own refusals (before any filter runs) as problem+json too; see {@link ProblemReportValve}. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve(Problems problems) {
        return factory -> factory.addContextCustomizers(
                context -> ProblemReportValve.installOn(context.getParent(), problems));
    }

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        // Before security and tracing filters, so even a rejected request has an id in its logs.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(WebProperties properties, Problems problems) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestSizeLimitFilter(properties.maxRequestSize().toBytes(), problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<WildcardContentTypeFilter> wildcardContentTypeFilter(Problems problems) {
        FilterRegistrationBean<WildcardContentTypeFilter> registration = new FilterRegistrationBean<>(
                new WildcardContentTypeFilter(problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** A change the caller could not read the answer of is refused before it is made; see {@link AnswerFormatFirst}. */
    @Bean
    WebMvcConfigurer answerFormatFirst() {
        AnswerFormatFirst interceptor = new AnswerFormatFirst();
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(interceptor);
            }
        };
    }
}
