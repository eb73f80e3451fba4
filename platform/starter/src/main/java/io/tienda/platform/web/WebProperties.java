package io.tienda.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** @param maxRequestSize the largest request body a service accepts (413 beyond it) */
@ConfigurationProperties("tienda.web")
public record WebProperties(DataSize maxRequestSize) {

    public WebProperties {
        maxRequestSize = maxRequestSize == null ? DataSize.ofMegabytes(1) : maxRequestSize;
    }
}
