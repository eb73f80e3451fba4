package io.tienda.user.account.domain;

import io.tienda.platform.core.Roles;
import io.tienda.platform.problem.DomainException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every change of an account, allowed and refused, by status. */
class UserTest {

    private static final Instant CREATED = Instant.parse("2025-01-01T10:00:00Z");
    private static final Instant VERIFIED = Instant.parse("2025-01-01T11:00:00Z");
    private static final Instant CONSENTED = Instant.parse("2025-01-02T10:00:00Z");
    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    private static User account(UserStatus status) {
        return new User(UUID.randomUUID(), "ana@example.com", "Ana", "+34600111222", "es", "EUR", true, CONSENTED,
                List.of(Roles.CUSTOMER), status, VERIFIED, CREATED, CREATED);
    }

    private static User unverified(UserStatus status) {
        User user = account(status);
        return new User(user.id(), user.email(), user.name(), user.phone(), user.language(), user.currency(),
                user.marketingConsent(), user.marketingConsentAt(), user.roles(), status, null, CREATED, CREATED);
    }

    private static void assertRefusedAsConflict(Runnable change) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.status()).isEqualTo(409);
            assertThat(e.type().toString()).endsWith("/conflict");
        });
    }

    @Nested
    class Deactivate {

        @Test
        void anActiveAccountBecomesDeactivated() {
            User active = account(UserStatus.ACTIVE);

            User deactivated = active.deactivate(NOW);

            assertThat(deactivated.status()).isEqualTo(UserStatus.DEACTIVATED);
            assertThat(deactivated.status().maySignIn()).isFalse();
            assertThat(deactivated.updatedAt()).isEqualTo(NOW);
            assertThat(deactivated).usingRecursiveComparison().ignoringFields("status", "updatedAt").isEqualTo(active);
        }

        @Test
        void aDeactivatedAccountStaysAsItIs() {
            User deactivated = account(UserStatus.DEACTIVATED);

            assertThat(deactivated.deactivate(NOW)).isSameAs(deactivated);
        }

        @Test
        void anErasedAccountIsRefused() {
            User erased = account(UserStatus.ERASED);

            assertRefusedAsConflict(() -> erased.deactivate(NOW));
        }
    }

    @Nested
    class Reactivate {

        @Test
        void aDeactivatedAccountBecomesActive() {
            User deactivated = account(UserStatus.DEACTIVATED);

            User active = deactivated.reactivate(NOW);

            assertThat(active.status()).isEqualTo(UserStatus.ACTIVE);
            assertThat(active.updatedAt()).isEqualTo(NOW);
            assertThat(active).usingRecursiveComparison().ignoringFields("status", "updatedAt").isEqualTo(deactivated);
        }

        @Test
        void anActiveAccountStaysAsItIs() {
            User active = account(UserStatus.ACTIVE);

            assertThat(active.reactivate(NOW)).isSameAs(active);
        }

        @Test
        void anErasedAccountIsRefused() {
            User erased = account(UserStatus.ERASED);

            assertRefusedAsConflict(() -> erased.reactivate(NOW));
        }
    }

    @Nested
    class ChangeRoles {

        @ParameterizedTest
        @EnumSource(value = UserStatus.class, names = {"ACTIVE", "DEACTIVATED"})
        void rolesAreReplacedWithoutDuplicatesInTheStableOrder(UserStatus status) {
            User user = account(status);

            User changed = user.changeRoles(List.of(Roles.SUPPORT, Roles.CUSTOMER, Roles.SUPPORT), NOW);

            assertThat(changed.roles()).containsExactly(Roles.CUSTOMER, Roles.SUPPORT);
            assertThat(changed.status()).isEqualTo(status);
            assertThat(changed.updatedAt()).isEqualTo(NOW);
        }

        @Test
        void theSameRolesChangeNothing() {
            User user = account(UserStatus.ACTIVE);

            assertThat(user.changeRoles(List.of(Roles.CUSTOMER, Roles.CUSTOMER), NOW)).isSameAs(user);
        }

        @Test
        void noRolesOrAnUnknownRoleAreInvalid() {
            User user = account(UserStatus.ACTIVE);

            assertThatThrownBy(() -> user.changeRoles(List.of(), NOW)).isInstanceOfSatisfying(DomainException.class,
                    e -> assertThat(e.status()).isEqualTo(400));
            assertThatThrownBy(() -> user.changeRoles(List.of(Roles.ADMIN, "ROOT"), NOW))
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(400));
        }

        @Test
        void anErasedAccountIsRefused() {
            User erased = account(UserStatus.ERASED);

            assertRefusedAsConflict(() -> erased.changeRoles(List.of(Roles.ADMIN), NOW));
        }
    }

    @Nested
    class VerifyEmail {

        @ParameterizedTest
        @EnumSource(value = UserStatus.class, names = {"ACTIVE", "DEACTIVATED"})
        void anUnverifiedEmailBecomesVerifiedNow(UserStatus status) {
            User user = unverified(status);

            User verified = user.verifyEmail(NOW);

            assertThat(verified.emailVerified()).isTrue();
            assertThat(verified.emailVerifiedAt()).isEqualTo(NOW);
            assertThat(verified.updatedAt()).isEqualTo(NOW);
            assertThat(verified.status()).isEqualTo(status);
        }

        @Test
        void theFirstProofCounts() {
            User verified = account(UserStatus.ACTIVE);

            assertThat(verified.verifyEmail(NOW)).isSameAs(verified);
            assertThat(verified.verifyEmail(NOW).emailVerifiedAt()).isEqualTo(VERIFIED);
        }

        @Test
        void anErasedAccountIsRefused() {
            User erased = unverified(UserStatus.ERASED);

            assertRefusedAsConflict(() -> erased.verifyEmail(NOW));
        }
    }

    @Nested
    class ChangeProfile {

        @Test
        void theFieldsChangeAndConsentKeepsItsTimeWhenItStaysTheSame() {
            User user = account(UserStatus.ACTIVE);

            User changed = user.changeProfile("Ana García", null, "en", "USD", true, NOW);

            assertThat(changed.name()).isEqualTo("Ana García");
            assertThat(changed.phone()).isNull();
            assertThat(changed.language()).isEqualTo("en");
            assertThat(changed.currency()).isEqualTo("USD");
            assertThat(changed.marketingConsent()).isTrue();
            assertThat(changed.marketingConsentAt()).isEqualTo(CONSENTED);
            assertThat(changed.updatedAt()).isEqualTo(NOW);
            assertThat(changed).usingRecursiveComparison()
                    .ignoringFields("name", "phone", "language", "currency", "updatedAt").isEqualTo(user);
        }

        @Test
        void withdrawingConsentRecordsWhen() {
            User changed = account(UserStatus.ACTIVE).changeProfile("Ana", null, "es", "EUR", false, NOW);

            assertThat(changed.marketingConsent()).isFalse();
            assertThat(changed.marketingConsentAt()).isEqualTo(NOW);
        }

        @ParameterizedTest
        @EnumSource(value = UserStatus.class, names = {"DEACTIVATED", "ERASED"})
        void onlyAnActiveAccountHasAProfileToChange(UserStatus status) {
            User user = account(status);

            assertRefusedAsConflict(() -> user.changeProfile("Ana", null, "es", "EUR", true, NOW));
        }
    }

    @Nested
    class Erase {

        @ParameterizedTest
        @EnumSource(value = UserStatus.class, names = {"ACTIVE", "DEACTIVATED"})
        void everyPersonalFieldGoesAndTheIdStays(UserStatus status) {
            User user = account(status);

            User erased = user.erase(NOW);

            assertThat(erased.id()).isEqualTo(user.id());
            assertThat(erased.status()).isEqualTo(UserStatus.ERASED);
            assertThat(erased.status().maySignIn()).isFalse();
            assertThat(erased.email()).isEqualTo("erased-" + user.id() + "@invalid");
            assertThat(erased.name()).isNull();
            assertThat(erased.phone()).isNull();
            assertThat(erased.marketingConsent()).isFalse();
            assertThat(erased.marketingConsentAt()).isNull();
            assertThat(erased.roles()).containsExactly(Roles.CUSTOMER);
            assertThat(erased.createdAt()).isEqualTo(CREATED);
            assertThat(erased.updatedAt()).isEqualTo(NOW);
        }

        @Test
        void erasureIsFinal() {
            User erased = account(UserStatus.ACTIVE).erase(NOW);

            assertRefusedAsConflict(() -> erased.erase(NOW));
            assertRefusedAsConflict(() -> erased.reactivate(NOW));
            assertRefusedAsConflict(() -> erased.deactivate(NOW));
        }
    }

    @Test
    void accountRolesAreExactlyTheFleetsRoles() {
        assertThat(AccountRoles.ALL).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(Roles.ALL);
    }
}
