package io.tienda.user.auth.domain;

import io.tienda.user.auth.domain.RefreshTokenFamilies.Outcome;
import io.tienda.user.auth.domain.RefreshTokenFamilies.Presented;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RefreshTokenFamiliesTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant EXPIRES = NOW.plus(Duration.ofDays(7));

    @Test
    void anUnusedLiveTokenOfAnActiveAccountRotates() {
        Outcome outcome = RefreshTokenFamilies.present(new Presented(EXPIRES, null, null, true), NOW);

        assertThat(outcome).isEqualTo(Outcome.ROTATE);
        assertThat(outcome.revokesFamily()).isFalse();
    }

    @Test
    void aTokenPresentedAgainRevokesTheFamilyEvenBeforeItExpires() {
        Outcome outcome = RefreshTokenFamilies.present(new Presented(EXPIRES, NOW.minusSeconds(1), null, true), NOW);

        assertThat(outcome).isEqualTo(Outcome.REUSE_DETECTED);
        assertThat(outcome.revokesFamily()).isTrue();
    }

    @Test
    void aReusedTokenIsReuseEvenAfterItExpired() {
        assertThat(RefreshTokenFamilies.present(new Presented(NOW.minusSeconds(5), NOW.minusSeconds(60), null, true),
                NOW)).isEqualTo(Outcome.REUSE_DETECTED);
    }

    @Test
    void aRevokedFamilyRefusesEveryTokenWithoutFurtherAction() {
        Outcome fresh = RefreshTokenFamilies.present(new Presented(EXPIRES, null, NOW.minusSeconds(1), true), NOW);
        Outcome used = RefreshTokenFamilies.present(new Presented(EXPIRES, NOW.minusSeconds(9), NOW.minusSeconds(1),
                true), NOW);

        assertThat(fresh).isEqualTo(Outcome.FAMILY_REVOKED);
        assertThat(used).isEqualTo(Outcome.FAMILY_REVOKED);
        assertThat(fresh.revokesFamily()).isFalse();
    }

    @Test
    void anExpiredTokenIsRefusedAtItsExpiryInstant() {
        assertThat(RefreshTokenFamilies.present(new Presented(NOW, null, null, true), NOW))
                .isEqualTo(Outcome.EXPIRED);
        assertThat(RefreshTokenFamilies.present(new Presented(NOW.plusMillis(1), null, null, true), NOW))
                .isEqualTo(Outcome.ROTATE);
    }

    @Test
    void anAccountThatMayNotSignInLosesTheFamily() {
        Outcome outcome = RefreshTokenFamilies.present(new Presented(EXPIRES, null, null, false), NOW);

        assertThat(outcome).isEqualTo(Outcome.ACCOUNT_INACTIVE);
        assertThat(outcome.revokesFamily()).isTrue();
    }
}
