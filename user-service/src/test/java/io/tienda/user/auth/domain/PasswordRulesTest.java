package io.tienda.user.auth.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordRulesTest {

    private final PasswordRules rules = new PasswordRules(8, 128, true, true, true, true, CommonPasswords.shipped());

    @Test
    void aLongMixedPasswordIsAccepted() {
        assertThat(rules.violations("Vq7#tLm2!wZr", "ana@example.com")).isEmpty();
        assertThat(rules.accepts("Ñandú-Azul-42", null)).isTrue();
    }

    @Test
    void everyBrokenRuleIsListedAndNoneRepeatsThePassword() {
        var violations = rules.violations("abc", null);

        assertThat(violations).containsExactlyInAnyOrder("must be at least 8 characters long",
                "must contain an upper-case letter", "must contain a digit",
                "must contain a symbol such as ! ? # or %", "is too common or too easy to guess; choose another");
        assertThat(String.join(" ", violations)).doesNotContain("abc");
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        // Seven characters, one of them outside the BMP (two UTF-16 units).
        assertThat(rules.violations("Aa1!x\uD83D\uDE00z", null)).contains("must be at least 8 characters long");
        assertThat(rules.violations("Aa1!xy" + "z".repeat(123), null)).contains("must be at most 128 characters long");
        assertThat(rules.violations("Aa1!xy" + "q".repeat(122), null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Password1!", "P@ssw0rd!", "Qwerty123!", "Sunshine2024!", "!!Dragon99", "Iloveyou1!",
            "Contraseña1!", "Madrid2025!", "Aaaaaaa1!", "Admin!2345", "Barcelona10!"})
    void commonPasswordsAndTheirUsualDisguisesAreRefused(String password) {
        assertThat(rules.violations(password, null)).contains("is too common or too easy to guess; choose another");
    }

    @Test
    void aPasswordContainingTheEmailIsRefused() {
        assertThat(rules.violations("Xmartinez#2024", "martinez@example.com"))
                .containsExactly("must not contain your email address");
        assertThat(rules.violations("Xmartinez#2024", "jo@example.com")).isEmpty();
    }

    @Test
    void relaxedRulesCheckOnlyWhatIsAsked() {
        PasswordRules lengthOnly = new PasswordRules(8, 64, false, false, false, false, null);

        assertThat(lengthOnly.violations("password", null)).isEmpty();
        assertThat(lengthOnly.violations("short", null)).containsExactly("must be at least 8 characters long");
    }

    @Test
    void theShippedListHasThousandsOfEntries() {
        CommonPasswords shipped = CommonPasswords.shipped();

        assertThat(shipped.size()).isGreaterThan(2000);
        assertThat(shipped.isCommon("123456789")).isTrue();
        assertThat(shipped.isCommon("Vq7#tLm2!wZr")).isFalse();
        assertThat(new CommonPasswords(Set.of("Tienda")).isCommon("TIENDA")).isTrue();
    }
}
