package io.tienda.user.account.domain;

import io.tienda.platform.core.PostalAddresses;

import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The formats of profile and address fields. Names, address lines and e-mail addresses are one line of
 * text each ({@link io.tienda.platform.core.TextRules#isSingleLine}): they go into mails.
 *
 * <p>An address in the book must be one checkout can ship to. order-service checks every address it ships
 * to, one from the book too, by the rules of its {@code ShippingAddress}, on each field stripped of
 * surrounding white space ({@link String#strip}, so {@link Character#isWhitespace}, which a regular
 * expression spells {@code \p{javaWhitespace}}). The book stores the stripped values, so it checks them by
 * the same rules: {@link #NOT_BLANK}, which has to change together with checkout's, and the fleet's one
 * postcode rule ({@link PostalAddresses}).
 */
public final class ProfileRules {

    public static final Set<String> LANGUAGES = Set.of("es", "en");
    public static final String E164 = "^\\+[1-9][0-9]{1,14}$";

    /** Something besides white space, which checkout wants in a name, first line and city. */
    public static final String NOT_BLANK = "(?s).*\\P{javaWhitespace}.*";
    public static final String NOT_BLANK_MESSAGE = "must not be blank";

    /** A postcode checkout takes ({@link PostalAddresses#POSTCODE}), once stripped. */
    public static final String POSTCODE =
            "\\p{javaWhitespace}*" + PostalAddresses.POSTCODE + "\\p{javaWhitespace}*";
    public static final String POSTCODE_MESSAGE = "must be " + PostalAddresses.POSTCODE_RULE;

    private static final Pattern PHONE = Pattern.compile(E164);
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());

    private ProfileRules() {
    }

    /** E.164: a plus, a country code that does not start with 0, at most 15 digits in all. */
    public static boolean isPhone(String value) {
        return value != null && PHONE.matcher(value).matches();
    }

    public static boolean isLanguage(String value) {
        return value != null && LANGUAGES.contains(value);
    }

    /** An ISO 4217 code the JVM knows, in upper case. */
    public static boolean isCurrency(String value) {
        return value != null && value.matches("[A-Z]{3}") && CURRENCIES.contains(value);
    }

    /** An ISO 3166-1 alpha-2 code, in upper case. */
    public static boolean isCountry(String value) {
        return value != null && value.matches("[A-Z]{2}") && COUNTRIES.contains(value);
    }
}
