package io.tienda.notification.template.rendering;

import org.thymeleaf.exceptions.TemplateProcessingException;

/** Raised while rendering when a template uses something templates may not; carries what it used. */
final class Refused extends TemplateProcessingException {

    private final String construct;
    private final String reason;

    Refused(String construct, String reason) {
        super(reason + ": " + construct);
        this.construct = construct;
        this.reason = reason;
    }

    String construct() {
        return construct;
    }

    String reason() {
        return reason;
    }
}
