package io.tienda.user.account.domain;

import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The formats of profile and address fields. Names, address lines and e-mail addresses are one line of
 * text each ({@link io.tienda.platform.core.TextRules#isSingleLine}): they go into mails.
 */
public final class ProfileRules {

    public static final Set<String> LANGUAGES = Set.of("es", "en");
    public static final String E164 = "^\\+[1-9][0-9]{1,14}$";

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
