package io.tienda.user.auth.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a new password must satisfy: length, character classes, not a commonly used password and
 * not the account's own email address. Messages describe the rule and never repeat the password.
 */
public final class PasswordRules {

    private final int minLength;
    private final int maxLength;
    private final boolean requireUpper;
    private final boolean requireLower;
    private final boolean requireDigit;
    private final boolean requireSymbol;
    private final CommonPasswords common;

    /** @param common null when common passwords are allowed */
    public PasswordRules(int minLength, int maxLength, boolean requireUpper, boolean requireLower,
            boolean requireDigit, boolean requireSymbol, CommonPasswords common) {
        if (minLength < 1 || maxLength < minLength) {
            throw new IllegalArgumentException("invalid length bounds " + minLength + ".." + maxLength);
        }
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.requireUpper = requireUpper;
        this.requireLower = requireLower;
        this.requireDigit = requireDigit;
        this.requireSymbol = requireSymbol;
        this.common = common;
    }

    /**
     * Every rule {@code password} breaks; empty when it is acceptable.
     *
     * @param email the account's address, or null; a password containing its local part is refused
     */
    public List<String> violations(String password, String email) {
        Objects.requireNonNull(password, "password");
        List<String> violations = new ArrayList<>();
        int length = password.codePointCount(0, password.length());
        if (length < minLength) {
            violations.add("must be at least " + minLength + " characters long");
        }
        if (length > maxLength) {
            violations.add("must be at most " + maxLength + " characters long");
        }
        if (requireUpper && password.codePoints().noneMatch(Character::isUpperCase)) {
            violations.add("must contain an upper-case letter");
        }
        if (requireLower && password.codePoints().noneMatch(Character::isLowerCase)) {
            violations.add("must contain a lower-case letter");
        }
        if (requireDigit && password.codePoints().noneMatch(Character::isDigit)) {
            violations.add("must contain a digit");
        }
        if (requireSymbol && password.codePoints().noneMatch(PasswordRules::isSymbol)) {
            violations.add("must contain a symbol such as ! ? # or %");
        }
        if (common != null && length <= maxLength && common.isCommon(password)) {
            violations.add("is too common or too easy to guess; choose another");
        }
        if (containsEmail(password, email)) {
            violations.add("must not contain your email address");
        }
        return List.copyOf(violations);
    }

    public boolean accepts(String password, String email) {
        return violations(password, email).isEmpty();
    }

    private static boolean isSymbol(int codePoint) {
        return !Character.isLetterOrDigit(codePoint) && !Character.isWhitespace(codePoint)
                && !Character.isISOControl(codePoint);
    }

    private static boolean containsEmail(String password, String email) {
        if (email == null) {
            return false;
        }
        int at = email.indexOf('@');
        String local = (at < 0 ? email : email.substring(0, at)).toLowerCase(Locale.ROOT);
        // Very short local parts ("jo@...") would refuse too many good passwords.
        return local.length() >= 4 && password.toLowerCase(Locale.ROOT).contains(local);
    }
}
