package io.tienda.notification.template.domain;

import java.util.List;
import java.util.Optional;

/** Staff overrides of the shipped templates ({@code templates} collection). */
public interface TemplateStore {

    Optional<Template> find(String key, String locale);

    List<Template> all();

    void save(Template template);

    /** True when there was an override to remove. */
    boolean delete(String key, String locale);
}
