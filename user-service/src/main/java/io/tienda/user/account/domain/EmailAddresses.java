package io.tienda.user.account.domain;

import java.text.Normalizer;

/**
 * The one form of an e-mail address that decides which account it names. Registration, uniqueness,
 * the sign-in lookup, password reset, the sign-in throttle and the audit's pseudonym all go through
 * {@link #canonical}, so that every spelling which reaches an account is counted under the same key.
 *
 * <p>The form is Unicode NFKC (full-width, ligature and other compatibility letters become their plain
 * letter) and lower case by the Unicode <em>simple</em> mapping, one code point to one code point and
 * the same in every locale: {@code İ} (U+0130) becomes {@code i}, as it did in PostgreSQL's
 * {@code lower()}, not the two characters {@code i̇} of {@link String#toLowerCase}. Both steps repeat until
 * nothing changes (NFKC can produce a capital letter, e.g. from {@code ℌ}), and white space at either
 * end goes. The address is still stored and mailed as typed; this form sits beside it
 * ({@code users.email_canonical}). Changing this method needs a migration that recomputes that column.
 */
public final class EmailAddresses {

    private static final int MAX_ROUNDS = 8;

    private EmailAddresses() {
    }

    /** The canonical form of {@code email}: equal for every spelling of one account's address. */
    public static String canonical(String email) {
        String value = email;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            String next = Normalizer.normalize(lowerCase(Normalizer.normalize(value, Normalizer.Form.NFKC)),
                    Normalizer.Form.NFKC).strip();
            if (next.equals(value)) {
                return value;
            }
            value = next;
        }
        return value;
    }

    private static String lowerCase(String value) {
        StringBuilder lower = new StringBuilder(value.length());
        value.codePoints().map(Character::toLowerCase).forEach(lower::appendCodePoint);
        return lower.toString();
    }
}
