package io.tienda.order.orders.domain;

import io.tienda.platform.problem.DomainException;
import io.tienda.platform.problem.ProblemType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Where the order goes. Checked here, so that an address from the address book meets the same rules. */
public record ShippingAddress(String name, String line1, String line2, String city, String postcode,
        String country) {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern POSTCODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 -]{1,18}[A-Za-z0-9]");

    public ShippingAddress {
        name = strip(name);
        line1 = strip(line1);
        line2 = strip(line2);
        city = strip(city);
        postcode = strip(postcode);
        country = country == null ? null : country.strip().toUpperCase(Locale.ROOT);
        List<Map<String, String>> errors = new ArrayList<>();
        require(errors, "name", name, 100);
        require(errors, "line1", line1, 200);
        require(errors, "city", city, 100);
        if (line2 != null && line2.length() > 200) {
            errors.add(Map.of("field", "shippingAddress.line2", "message", "at most 200 characters"));
        }
        if (postcode == null || !POSTCODE.matcher(postcode).matches()) {
            errors.add(Map.of("field", "shippingAddress.postcode", "message", "3 to 20 letters, digits, spaces or '-'"));
        }
        if (country == null || !COUNTRY.matcher(country).matches()) {
            errors.add(Map.of("field", "shippingAddress.country", "message", "an ISO 3166-1 alpha-2 code, e.g. ES"));
        }
        if (!errors.isEmpty()) {
            throw new DomainException(ProblemType.VALIDATION.status(), ProblemType.VALIDATION.uri(),
                    ProblemType.VALIDATION.title(), "The shipping address is incomplete or malformed",
                    Map.of("errors", errors));
        }
    }

    private static void require(List<Map<String, String>> errors, String field, String value, int max) {
        if (value == null || value.isEmpty()) {
            errors.add(Map.of("field", "shippingAddress." + field, "message", "must not be blank"));
        } else if (value.length() > max) {
            errors.add(Map.of("field", "shippingAddress." + field, "message", "at most " + max + " characters"));
        }
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
