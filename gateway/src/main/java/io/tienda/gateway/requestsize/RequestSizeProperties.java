package io.tienda.gateway.requestsize;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param maxRequestSize the largest request body the gateway forwards; larger ones are refused
 *                       with 413 before any service sees them.
 */
@ConfigurationProperties("tienda.gateway")
record RequestSizeProperties(DataSize maxRequestSize) {

    RequestSizeProperties {
        maxRequestSize = maxRequestSize == null ? DataSize.ofMegabytes(1) : maxRequestSize;
    }
}
