package io.tienda.platform.web;

import java.io.IOException;

/** Raised while reading a body that grows past the configured limit; answered with 413. */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException(long limit) {
        super("The request body exceeds " + limit + " bytes");
    }

    static PayloadTooLargeException findIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PayloadTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }
}
