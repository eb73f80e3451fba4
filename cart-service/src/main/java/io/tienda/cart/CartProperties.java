package io.tienda.cart;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param defaultCurrency the currency of a cart that has not recorded one (ISO 4217)
 */
@ConfigurationProperties("tienda.cart")
public record CartProperties(String defaultCurrency) {

    public CartProperties {
        defaultCurrency = defaultCurrency == null ? "EUR" : defaultCurrency;
        if (!defaultCurrency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("tienda.cart.default-currency must be an ISO 4217 code: " + defaultCurrency);
        }
    }
}
