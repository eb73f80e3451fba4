package io.tienda.user.auth;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What a new password must satisfy. Every rule defaults to its strict value, so a missing property
 * never weakens the policy. Eight characters is the floor (NIST SP 800-63B); the ceiling keeps
 * hashing a password cheap enough that long ones cannot be used to exhaust the service.
 */
@Validated
@ConfigurationProperties("tienda.user.password-policy")
public record PasswordPolicy(
        @DefaultValue("8") @Min(8) int minLength,
        @DefaultValue("128") @Max(1024) int maxLength,
        @DefaultValue("true") boolean requireUpper,
        @DefaultValue("true") boolean requireLower,
        @DefaultValue("true") boolean requireDigit,
        @DefaultValue("true") boolean requireSymbol,
        @DefaultValue("true") boolean rejectsCommonPasswords) {

    public PasswordPolicy {
        if (maxLength < minLength) {
            throw new IllegalArgumentException(
                    "password-policy max-length " + maxLength + " is below min-length " + minLength);
        }
    }
}
