package io.tienda.notification.template.domain;

import java.util.Optional;

/** The templates the service ships, one per message key and language. */
public interface DefaultTemplates {

    Optional<Template> find(String key, String locale);
}
