package io.tienda.notification.history.domain;

import io.tienda.platform.problem.IllegalTransitionException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotificationTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final RetryPolicy POLICY = new RetryPolicy(Duration.ofSeconds(5), Duration.ofMinutes(10), 4);

    private final Notification pending = Notification.pending("e-1", "u-1", List.of(), null, "o-1",
            Notification.Channel.EMAIL, "verify-email", Map.of("link", "https://x/verify-email?token=secret"), T0);

    @Test
    void theBackoffDoublesFromFiveSecondsUpToTenMinutes() {
        assertThat(POLICY.delayAfter(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(POLICY.delayAfter(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(POLICY.delayAfter(3)).isEqualTo(Duration.ofSeconds(20));
        assertThat(POLICY.delayAfter(7)).isEqualTo(Duration.ofSeconds(320));
        assertThat(POLICY.delayAfter(8)).isEqualTo(Duration.ofMinutes(10));
        assertThat(POLICY.delayAfter(1000)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aFailedSendIsRetriedLaterUntilTheAttemptsAreSpent() {
        Notification once = pending.sendFailed("smtp: down", POLICY, T0);
        assertThat(once.status()).isEqualTo(Notification.Status.PENDING);
        assertThat(once.attempts()).isEqualTo(1);
        assertThat(once.nextAttemptAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(once.failureReason()).isEqualTo("smtp: down");

        Notification thrice = once.sendFailed("smtp: down", POLICY, T0).sendFailed("smtp: down", POLICY, T0);
        assertThat(thrice.nextAttemptAt()).isEqualTo(T0.plusSeconds(20));

        Notification given = thrice.sendFailed("smtp: refused", POLICY, T0);
        assertThat(given.status()).isEqualTo(Notification.Status.FAILED);
        assertThat(given.attempts()).isEqualTo(4);
        assertThat(given.failureReason()).isEqualTo("smtp: refused");
        assertThat(given.variables()).isEmpty();
    }

    @Test
    void aRefusalForGoodIsGivenUpAtOnceAndCountsAsAnAttempt() {
        Notification once = pending.sendFailed("smtp: down", POLICY, T0);
        Notification refused = once.sendRefused("smtp 550 (permanent): no such mailbox", T0.plusSeconds(5));

        assertThat(refused.status()).isEqualTo(Notification.Status.FAILED);
        assertThat(refused.attempts()).isEqualTo(2);
        assertThat(refused.nextAttemptAt()).isNull();
        assertThat(refused.failureReason()).isEqualTo("smtp 550 (permanent): no such mailbox");
        assertThat(refused.variables()).isEmpty();
        assertThatThrownBy(() -> refused.sendRefused("again", T0)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void sendingKeepsTheSubjectAndDropsTheVariablesWithTheirToken() {
        Notification sent = pending.sent("Confirma tu correo", T0.plusSeconds(1));

        assertThat(sent.status()).isEqualTo(Notification.Status.SENT);
        assertThat(sent.sentAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(sent.subject()).isEqualTo("Confirma tu correo");
        assertThat(sent.variables()).isEmpty();
        assertThat(sent.toString()).doesNotContain("secret");
    }

    @Test
    void aMissingContactIsWaitedForWithoutSpendingAttemptsThenGivenUp() {
        Notification waiting = pending.awaitContact(Duration.ofSeconds(30), Duration.ofHours(24), T0.plusSeconds(1));
        assertThat(waiting.status()).isEqualTo(Notification.Status.PENDING);
        assertThat(waiting.attempts()).isZero();
        assertThat(waiting.nextAttemptAt()).isEqualTo(T0.plusSeconds(31));
        assertThat(waiting.failureReason()).isEqualTo(Notification.WAITING_FOR_CONTACT);

        Notification given = waiting.awaitContact(Duration.ofSeconds(30), Duration.ofHours(24), T0.plus(Duration.ofHours(24)));
        assertThat(given.status()).isEqualTo(Notification.Status.FAILED);
        assertThat(given.failureReason()).isEqualTo(Notification.NO_CONTACT);
    }

    @Test
    void aFinalMessageMakesNoMoreMoves() {
        Notification sent = pending.sent("s", T0);

        assertThatThrownBy(() -> sent.sent("s", T0)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> sent.sendFailed("x", POLICY, T0)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> sent.abandon("x", T0)).isInstanceOf(IllegalTransitionException.class);
    }
}
