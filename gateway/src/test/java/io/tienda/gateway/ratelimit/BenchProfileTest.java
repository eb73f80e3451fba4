package io.tienda.gateway.ratelimit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.ClassPathResource;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The load-test profile raises the budgets and nothing else: limiter on, no security switch touched. */
class BenchProfileTest {

    @Test
    void keepsTheLimiterOnWithBudgetsNoLoadTestReaches() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application-bench.yml"));
        Properties bench = yaml.getObject();

        RateLimitProperties limits = new Binder(new MapConfigurationPropertySource(bench))
                .bind("tienda.rate-limit", RateLimitProperties.class).get();

        assertThat(limits.enabled()).isTrue();
        for (RateTier tier : RateTier.values()) {
            double perSecond = limits.policy(tier).limit() / (double) limits.policy(tier).period().toSeconds();
            assertThat(perSecond).as("%s budget per client", tier).isGreaterThan(2_000);
        }
        assertThat(bench.stringPropertyNames()).as("only the rate-limit budgets")
                .allMatch(name -> name.startsWith("tienda.rate-limit."));
    }
}
