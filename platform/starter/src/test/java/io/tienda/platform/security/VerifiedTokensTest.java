package io.tienda.platform.security;

import io.tienda.platform.testing.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokensTest {

    private static final Instant ISSUED = Instant.parse("2026-12-05T10:00:00Z");

    private final AtomicInteger signatureChecks = new AtomicInteger();
    private final MovableClock clock = new MovableClock(ISSUED.plusSeconds(5));

    /** exp and nbf with the production's 60 s of skew, on a clock the test moves. */
    private final OAuth2TokenValidator<Jwt> claims = timestamps();

    /**
     * Does what NimbusJwtDecoder does, without RSA: "good-*" tokens carry a valid signature, anything
     * else does not; then the claims are checked.
     */
    private final JwtDecoder verifier = token -> {
        signatureChecks.incrementAndGet();
        if (!token.startsWith("good-")) {
            throw new BadJwtException("Signed JWT rejected: Invalid signature");
        }
        Jwt jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject(token.substring(5))
                .issuedAt(ISSUED).expiresAt(ISSUED.plus(Duration.ofMinutes(15))).build();
        OAuth2TokenValidatorResult result = claims.validate(jwt);
        if (result.hasErrors()) {
            throw new JwtValidationException("invalid claims", result.getErrors());
        }
        return jwt;
    };

    private final VerifiedTokens tokens = new VerifiedTokens(verifier, claims);

    @Test
    void aTokenSeenBeforeIsNotVerifiedAgain() {
        assertThat(tokens.decode("good-ana").getSubject()).isEqualTo("ana");
        assertThat(tokens.decode("good-ana").getSubject()).isEqualTo("ana");
        assertThat(tokens.decode("good-luis").getSubject()).isEqualTo("luis");

        assertThat(signatureChecks).hasValue(2);
    }

    @Test
    void aRefusedTokenIsRefusedEveryTime() {
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(signatureChecks).as("a refusal is never remembered as a verification").hasValue(2);
    }

    @Test
    void aTokenAlreadyVerifiedIsRefusedOnceItExpires() {
        tokens.decode("good-ana");
        clock.set(ISSUED.plus(Duration.ofMinutes(15)).plusSeconds(61));

        assertThatThrownBy(() -> tokens.decode("good-ana")).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("no longer valid");
        assertThat(signatureChecks).as("refused from what was verified, without verifying again").hasValue(1);
        assertThatThrownBy(() -> tokens.decode("good-ana")).isInstanceOf(JwtValidationException.class);
        assertThat(signatureChecks).as("and no longer remembered").hasValue(2);
    }

    private OAuth2TokenValidator<Jwt> timestamps() {
        JwtTimestampValidator validator = new JwtTimestampValidator(Duration.ofSeconds(60));
        validator.setClock(clock);
        return validator;
    }
}
