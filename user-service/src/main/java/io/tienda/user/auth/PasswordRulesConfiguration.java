package io.tienda.user.auth;

import io.tienda.user.auth.domain.CommonPasswords;
import io.tienda.user.auth.domain.PasswordRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The password rules from {@code tienda.user.password-policy} and the shipped list of common passwords. */
@Configuration(proxyBeanMethods = false)
class PasswordRulesConfiguration {

    @Bean
    PasswordRules passwordRules(PasswordPolicy policy) {
        return new PasswordRules(policy.minLength(), policy.maxLength(), policy.requireUpper(), policy.requireLower(),
                policy.requireDigit(), policy.requireSymbol(),
                policy.rejectsCommonPasswords() ? CommonPasswords.shipped() : null);
    }
}
