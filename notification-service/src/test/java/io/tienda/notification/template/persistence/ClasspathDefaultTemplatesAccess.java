package io.tienda.notification.template.persistence;

import io.tienda.notification.template.domain.DefaultTemplates;

/** Opens the shipped templates to tests in other packages. */
public final class ClasspathDefaultTemplatesAccess {

    public DefaultTemplates load() {
        return new ClasspathDefaultTemplates();
    }
}
