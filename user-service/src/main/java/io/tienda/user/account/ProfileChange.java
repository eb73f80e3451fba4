package io.tienda.user.account;

/**
 * A partial update of a profile (JSON merge patch, RFC 7396): a field that is absent stays as it is,
 * a field that is null is cleared. {@code set*} says whether the field was present.
 */
public record ProfileChange(boolean setName, String name, boolean setPhone, String phone, boolean setLanguage,
        String language, boolean setCurrency, String currency, boolean setMarketingConsent,
        Boolean marketingConsent) {
}
