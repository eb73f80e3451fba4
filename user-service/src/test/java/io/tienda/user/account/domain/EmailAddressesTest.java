package io.tienda.user.account.domain;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;

import static org.assertj.core.api.Assertions.assertThat;

class EmailAddressesTest {

    @Test
    void caseAndSurroundingSpaceDoNotMatter() {
        assertThat(EmailAddresses.canonical("  Ana.Garcia@Example.COM\t")).isEqualTo("ana.garcia@example.com");
    }

    @Test
    void aDottedCapitalIIsAnIAsInEveryOtherSpelling() {
        // Java's full lower case of U+0130 is two characters ("i" and a combining dot); the simple mapping is "i".
        assertThat("\u0130".toLowerCase(java.util.Locale.ROOT)).hasSize(2);

        assertThat(EmailAddresses.canonical("l\u0130m@example.com")).isEqualTo("lim@example.com");
        assertThat(EmailAddresses.canonical("L\u0130M@EXAMPLE.COM")).isEqualTo("lim@example.com");
        assertThat(EmailAddresses.canonical("l\u0130m\u0130@ex\u0130mple.com")).isEqualTo("limi@eximple.com");
    }

    @Test
    void compatibilityLettersAreTheirPlainLetters() {
        assertThat(EmailAddresses.canonical("\uFF21na@example.com")).isEqualTo("ana@example.com");
        assertThat(EmailAddresses.canonical("\uFB01@example.com")).isEqualTo("fi@example.com");
        assertThat(EmailAddresses.canonical("\u212Aate@example.com")).isEqualTo("kate@example.com");
        // NFKC of U+210C is a capital H: lower case is applied again.
        assertThat(EmailAddresses.canonical("\u210Cugo@example.com")).isEqualTo("hugo@example.com");
        assertThat(EmailAddresses.canonical("jose\u0301@example.com")).isEqualTo("jos\u00E9@example.com");
    }

    @Test
    void theFormOfEveryCharacterIsStableNormalAndLowerCase() {
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            if (Character.getType(c) == Character.SURROGATE || Character.getType(c) == Character.UNASSIGNED) {
                continue;
            }
            String email = "a" + Character.toString(c) + "\u03A3@x.es";
            String form = EmailAddresses.canonical(email);
            assertThat(EmailAddresses.canonical(form)).as("U+%04X", c).isEqualTo(form);
            assertThat(Normalizer.isNormalized(form, Normalizer.Form.NFKC)).as("U+%04X", c).isTrue();
            assertThat(form.codePoints().allMatch(p -> Character.toLowerCase(p) == p)).as("U+%04X", c).isTrue();
        }
    }
}
