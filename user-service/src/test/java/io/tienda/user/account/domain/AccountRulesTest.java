package io.tienda.user.account.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

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
        assertThat(AccountRoles.known(null)).isFalse();
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

    /** The patterns judge a value as sent the way checkout judges it stripped. */
    @Test
    void addressFieldsFollowTheRulesCheckoutShipsBy() {
        Pattern postcode = Pattern.compile(ProfileRules.POSTCODE);
        for (String accepted : List.of("28013", "SW1A 1AA", "1010-123", "k1a 0b1", " 28013\u2003",
                "12345678901234567890")) {
            assertThat(postcode.matcher(accepted).matches()).as(accepted).isTrue();
        }
        for (String refused : List.of("28_013", "2", "28", "-28013", "28013-", "２８０１３", "\u2003", "",
                "123456789012345678901")) {
            assertThat(postcode.matcher(refused).matches()).as(refused).isFalse();
        }
        Pattern notBlank = Pattern.compile(ProfileRules.NOT_BLANK);
        assertThat(notBlank.matcher(" Calle\u2003Mayor ").matches()).isTrue();
        assertThat(notBlank.matcher("\u00A0").matches()).as("no-break space is not stripped").isTrue();
        assertThat(notBlank.matcher(" \u2003\u3000").matches()).isFalse();
        assertThat(notBlank.matcher("").matches()).isFalse();
    }
}
