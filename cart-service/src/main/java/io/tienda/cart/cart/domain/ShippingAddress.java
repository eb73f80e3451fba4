package io.tienda.cart.cart.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/** Where the order will go, as far as tax and shipping need to know: the country and the postcode. */
public record ShippingAddress(String country, String postcode) {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern POSTCODE = Pattern.compile("[A-Z0-9][A-Z0-9 -]{1,10}[A-Z0-9]");

    public ShippingAddress {
        country = country == null ? null : country.strip().toUpperCase(Locale.ROOT);
        postcode = postcode == null ? null : postcode.strip().toUpperCase(Locale.ROOT);
        if (country == null || !COUNTRY.matcher(country).matches()) {
            throw CartProblems.invalidField("country", "must be an ISO 3166-1 alpha-2 code, e.g. ES");
        }
        if (postcode == null || !POSTCODE.matcher(postcode).matches()) {
            throw CartProblems.invalidField("postcode", "must be 3 to 12 letters, digits, spaces or '-'");
        }
    }
}
