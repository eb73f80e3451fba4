package io.tienda.user.account.api;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tienda.platform.core.TextRules;
import io.tienda.platform.problem.DomainException;
import io.tienda.platform.problem.ProblemType;
import io.tienda.user.account.ProfileChange;
import io.tienda.user.account.domain.ProfileRules;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a JSON merge patch (RFC 7396) of the profile. A record cannot tell an absent field from a
 * null one, and here the difference matters: absent keeps a value, null clears it.
 */
@Schema(description = "Only the fields to change; null clears name or phone")
record ProfilePatch(@Schema(example = "Ana García", nullable = true) String name,
        @Schema(example = "+34600111222", nullable = true, description = "E.164") String phone,
        @Schema(allowableValues = {"es", "en"}) String language,
        @Schema(example = "EUR", description = "ISO 4217") String currency,
        Boolean marketingConsent) {

    private static final Set<String> FIELDS = Set.of("name", "phone", "language", "currency", "marketingConsent");
    private static final int MAX_NAME = 100;

    static ProfileChange read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new DomainException(ProblemType.INVALID_BODY, "Send a JSON object with the fields to change");
        }
        List<Map<String, String>> errors = new ArrayList<>();
        for (String field : body.propertyNames()) {
            if (!FIELDS.contains(field)) {
                errors.add(error(field, "is not a profile field that can be changed here"));
            }
        }
        String name = text(body, "name", true, errors);
        if (name != null) {
            // As sent: a line break is refused even where stripping would have removed it.
            if (!TextRules.isSingleLine(name)) {
                errors.add(error("name", TextRules.SINGLE_LINE_MESSAGE));
            }
            name = name.strip();
            if (name.isEmpty() || name.length() > MAX_NAME) {
                errors.add(error("name", "must be 1 to " + MAX_NAME + " characters"));
            }
        }
        String phone = text(body, "phone", true, errors);
        if (phone != null && !ProfileRules.isPhone(phone)) {
            errors.add(error("phone", "must be in E.164 format, e.g. +34600111222"));
        }
        String language = text(body, "language", false, errors);
        if (body.has("language") && language != null && !ProfileRules.isLanguage(language)) {
            errors.add(error("language", "must be es or en"));
        }
        String currency = text(body, "currency", false, errors);
        if (body.has("currency") && currency != null && !ProfileRules.isCurrency(currency)) {
            errors.add(error("currency", "must be an ISO 4217 code such as EUR"));
        }
        Boolean consent = null;
        if (body.has("marketingConsent")) {
            JsonNode value = body.get("marketingConsent");
            if (value.isBoolean()) {
                consent = value.booleanValue();
            } else {
                errors.add(error("marketingConsent", "must be true or false"));
            }
        }
        if (!errors.isEmpty()) {
            throw new DomainException(400, ProblemType.VALIDATION.uri(), ProblemType.VALIDATION.title(),
                    "Invalid fields: " + String.join(", ",
                            errors.stream().map(e -> e.get("field")).distinct().toList()),
                    Map.of("errors", errors));
        }
        return new ProfileChange(body.has("name"), name, body.has("phone"), phone, body.has("language"), language,
                body.has("currency"), currency, body.has("marketingConsent"), consent);
    }

    /** The text of {@code field}; null when absent or (if {@code nullable}) null. */
    private static String text(JsonNode body, String field, boolean nullable, List<Map<String, String>> errors) {
        if (!body.has(field)) {
            return null;
        }
        JsonNode value = body.get(field);
        if (value.isNull()) {
            if (!nullable) {
                errors.add(error(field, "cannot be cleared"));
            }
            return null;
        }
        if (!value.isString()) {
            errors.add(error(field, "must be a string"));
            return null;
        }
        return value.stringValue();
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }
}
