package io.tienda.notification.template.domain;

import java.util.Map;

/** Turns a template and its variables into a message. */
public interface Renderer {

    /** @throws TemplateSyntaxException when the template cannot be parsed or one of its expressions fails */
    Rendered render(Template template, Map<String, String> variables);
}
