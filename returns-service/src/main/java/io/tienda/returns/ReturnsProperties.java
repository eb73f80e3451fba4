package io.tienda.returns;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param window       how long after delivery a customer may ask to return an order (default 30 days)
 * @param returnAddress where parcels go, quoted in the instructions a new return answers with
 */
@ConfigurationProperties("tienda.returns")
public record ReturnsProperties(Duration window, String returnAddress) {

    public ReturnsProperties {
        window = window == null ? Duration.ofDays(30) : window;
        returnAddress = returnAddress == null || returnAddress.isBlank()
                ? "Tienda Returns, Calle de la Logística 1, 28906 Getafe, Spain" : returnAddress;
    }
}
