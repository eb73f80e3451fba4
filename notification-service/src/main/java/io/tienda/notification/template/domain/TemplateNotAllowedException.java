package io.tienda.notification.template.domain;

import io.tienda.platform.problem.ProblemType;

import java.net.URI;
import java.util.Map;

/**
 * A template that uses more than templates may: an expression other than a variable, a text literal, {@code ?:}
 * and {@code +}; a {@code th:} attribute other than the few allowed; or output past the size limit. Refused
 * with 400 naming the part and what it used. A stored override refused at send time is replaced by the
 * default like any template that does not render.
 */
public class TemplateNotAllowedException extends TemplateSyntaxException {

    public static final URI TYPE = URI.create(ProblemType.BASE + "template-not-allowed");

    public TemplateNotAllowedException(String part, String offending, String reason) {
        super(400, TYPE, "The template uses something templates may not",
                part + ": " + reason + ": " + offending, Map.of("part", part, "expression", offending));
    }
}
