package io.tienda.notification.template.domain;

import io.tienda.platform.problem.DomainException;
import io.tienda.platform.problem.ProblemType;

import java.net.URI;
import java.util.Map;

/** A template that does not render: refused when staff save or preview it, with the first error found. */
public class TemplateSyntaxException extends DomainException {

    public static final URI TYPE = URI.create(ProblemType.BASE + "template-syntax");

    public TemplateSyntaxException(String part, String error) {
        super(422, TYPE, "The template does not render", part + ": " + error, Map.of("part", part));
    }

    protected TemplateSyntaxException(int status, URI type, String title, String detail,
            Map<String, Object> properties) {
        super(status, type, title, detail, properties);
    }
}
