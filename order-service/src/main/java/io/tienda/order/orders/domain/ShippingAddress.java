package io.tienda.order.orders.domain;

import io.tienda.platform.core.PostalAddresses;
import io.tienda.platform.core.TextRules;
import io.tienda.platform.problem.DomainException;
import io.tienda.platform.problem.ProblemType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where the order goes. Checked here, so that an address from the address book meets the same rules.
 * Its text goes into mails and documents, so no field may hold a control character or a line or
 * paragraph separator ({@link TextRules#isSingleLine}); the same rule holds for addresses read back,
 * which migration V5 cleaned and the table's check keeps clean.
 * <p>
 * Once its customer erased their account the address keeps only its postcode and country, the place of
 * supply for tax ({@link #erased()}); the name, street lines and city read {@value #ERASED}.
 */
public record ShippingAddress(String name, String line1, String line2, String city, String postcode,
        String country) {

    /** What the name, line 1 and city of an erased address read. */
    public static final String ERASED = "erased";

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern POSTCODE = Pattern.compile(PostalAddresses.POSTCODE);

    public ShippingAddress {
        // As sent, before stripping: "Ana\n" is refused rather than silently cut.
        List<Map<String, String>> errors = new ArrayList<>();
        singleLine(errors, "name", name);
        singleLine(errors, "line1", line1);
        singleLine(errors, "line2", line2);
        singleLine(errors, "city", city);
        singleLine(errors, "postcode", postcode);
        singleLine(errors, "country", country);
        name = strip(name);
        line1 = strip(line1);
        line2 = strip(line2);
        city = strip(city);
        postcode = strip(postcode);
        country = country == null ? null : country.strip().toUpperCase(Locale.ROOT);
        require(errors, "name", name, 100);
        require(errors, "line1", line1, 200);
        require(errors, "city", city, 100);
        if (line2 != null && line2.length() > 200 && !named(errors, "line2")) {
            errors.add(Map.of("field", "shippingAddress.line2", "message", "at most 200 characters"));
        }
        if ((postcode == null || !POSTCODE.matcher(postcode).matches()) && !named(errors, "postcode")) {
            errors.add(Map.of("field", "shippingAddress.postcode", "message", PostalAddresses.POSTCODE_RULE));
        }
        if ((country == null || !COUNTRY.matcher(country).matches()) && !named(errors, "country")) {
            errors.add(Map.of("field", "shippingAddress.country", "message", "an ISO 3166-1 alpha-2 code, e.g. ES"));
        }
        if (!errors.isEmpty()) {
            throw new DomainException(ProblemType.VALIDATION.status(), ProblemType.VALIDATION.uri(),
                    ProblemType.VALIDATION.title(), "The shipping address is incomplete or malformed",
                    Map.of("errors", errors));
        }
    }

    /** An address whose customer erased their account, with what the books keep of it. */
    public static ShippingAddress erased(String postcode, String country) {
        return new ShippingAddress(ERASED, ERASED, null, ERASED, postcode, country);
    }

    /** This address without the person: its postcode and country only. */
    public ShippingAddress erased() {
        return erased(postcode, country);
    }

    public boolean isErased() {
        return ERASED.equals(name) && ERASED.equals(line1) && line2 == null && ERASED.equals(city);
    }

    private static void singleLine(List<Map<String, String>> errors, String field, String value) {
        if (!TextRules.isSingleLine(value)) {
            errors.add(Map.of("field", "shippingAddress." + field, "message", TextRules.SINGLE_LINE_MESSAGE));
        }
    }

    private static void require(List<Map<String, String>> errors, String field, String value, int max) {
        if (named(errors, field)) {
            return;
        }
        if (value == null || value.isEmpty()) {
            errors.add(Map.of("field", "shippingAddress." + field, "message", "must not be blank"));
        } else if (value.length() > max) {
            errors.add(Map.of("field", "shippingAddress." + field, "message", "at most " + max + " characters"));
        }
    }

    /** Whether a field is refused already: one reason per field. */
    private static boolean named(List<Map<String, String>> errors, String field) {
        return errors.stream().anyMatch(e -> e.get("field").equals("shippingAddress." + field));
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
