package io.tienda.user.auth;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Binding.class);

    @Test
    void withoutPropertiesEveryRuleIsStrict() {
        context.run(context -> assertThat(context.getBean(PasswordPolicy.class))
                .isEqualTo(new PasswordPolicy(8, 128, true, true, true, true, true)));
    }

    @Test
    void propertiesRelaxOrTightenSingleRules() {
        context.withPropertyValues("tienda.user.password-policy.min-length=12",
                        "tienda.user.password-policy.require-symbol=false")
                .run(context -> assertThat(context.getBean(PasswordPolicy.class))
                        .isEqualTo(new PasswordPolicy(12, 128, true, true, true, false, true)));
    }

    @Test
    void aMinimumBelowEightRefusesToStart() {
        context.withPropertyValues("tienda.user.password-policy.min-length=6")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void aMaximumBelowTheMinimumRefusesToStart() {
        context.withPropertyValues("tienda.user.password-policy.min-length=20",
                        "tienda.user.password-policy.max-length=16")
                .run(context -> assertThat(context).hasFailed());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PasswordPolicy.class)
    static class Binding {
    }
}
