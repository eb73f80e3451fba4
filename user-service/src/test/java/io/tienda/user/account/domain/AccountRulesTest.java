package io.tienda.user.account.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AccountRulesTest {

    private final UUID admin = UUID.randomUUID();
    private final UUID other = UUID.randomUUID();

    @Test
    void anAdminMayNotDemoteOrDeactivateThemselves() {
        assertThat(AccountRoles.selfChangeRefusal(admin, admin, List.of("CUSTOMER"), null))
                .contains("own ADMIN role");
        assertThat(AccountRoles.selfChangeRefusal(admin, admin, null, UserStatus.DEACTIVATED))
                .contains("deactivate your own account");
        assertThat(AccountRoles.selfChangeRefusal(admin, admin, List.of("ADMIN", "SUPPORT"), UserStatus.ACTIVE))
                .isNull();
    }

    @Test
    void anAdminMayDoBothToSomeoneElse() {
        assertThat(AccountRoles.selfChangeRefusal(admin, other, List.of("CUSTOMER"), UserStatus.DEACTIVATED)).isNull();
    }

    @Test
    void rolesAreKnownAndKeptInAStableOrder() {
        assertThat(AccountRoles.normalized(Set.of("SUPPORT", "ADMIN", "CUSTOMER")))
                .containsExactly("CUSTOMER", "SUPPORT", "ADMIN");
        assertThat(AccountRoles.known("ANALYST")).isTrue();
        assertThat(AccountRoles.known("ROOT")).isFalse();
    }

    @Test
    void erasureIsFinalAndOnlyActiveAccountsSignIn() {
        assertThat(UserStatus.ACTIVE.adminMayChangeTo(UserStatus.DEACTIVATED)).isTrue();
        assertThat(UserStatus.DEACTIVATED.adminMayChangeTo(UserStatus.ACTIVE)).isTrue();
        assertThat(UserStatus.ERASED.adminMayChangeTo(UserStatus.ACTIVE)).isFalse();
        assertThat(UserStatus.ACTIVE.adminMayChangeTo(UserStatus.ERASED)).isFalse();
        assertThat(UserStatus.ACTIVE.maySignIn()).isTrue();
        assertThat(UserStatus.DEACTIVATED.maySignIn()).isFalse();
        assertThat(UserStatus.ERASED.maySignIn()).isFalse();
    }

    @Test
    void profileFieldsFollowTheirStandards() {
        assertThat(ProfileRules.isPhone("+34600111222")).isTrue();
        assertThat(ProfileRules.isPhone("+1 555 0100")).isFalse();
        assertThat(ProfileRules.isPhone("0034600111222")).isFalse();
        assertThat(ProfileRules.isPhone("+0123")).isFalse();
        assertThat(ProfileRules.isPhone("+1234567890123456")).isFalse();
        assertThat(ProfileRules.isCurrency("EUR")).isTrue();
        assertThat(ProfileRules.isCurrency("eur")).isFalse();
        assertThat(ProfileRules.isCurrency("XYZ")).isFalse();
        assertThat(ProfileRules.isCountry("ES")).isTrue();
        assertThat(ProfileRules.isCountry("XX")).isFalse();
        assertThat(ProfileRules.isCountry("es")).isFalse();
        assertThat(ProfileRules.isLanguage("en")).isTrue();
        assertThat(ProfileRules.isLanguage("fr")).isFalse();
    }
}
