package io.tienda.notification.template;

import io.tienda.notification.template.domain.DefaultTemplates;
import io.tienda.notification.template.domain.Rendered;
import io.tienda.notification.template.domain.Renderer;
import io.tienda.notification.template.domain.Template;
import io.tienda.notification.template.domain.TemplateCatalog;
import io.tienda.notification.template.domain.TemplateStore;
import io.tienda.notification.template.domain.TemplateSyntaxException;
import io.tienda.platform.problem.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The templates messages are rendered from: the shipped defaults, and staff overrides that replace
 * them key by key and language by language. An override is rendered with sample values before it is
 * saved, so a template that cannot render is refused then, not discovered when a customer's mail fails.
 */
@Service
public class Templates {

    private static final Logger log = LoggerFactory.getLogger(Templates.class);

    private final TemplateStore overrides;
    private final DefaultTemplates defaults;
    private final Renderer renderer;
    private final Clock clock;

    Templates(TemplateStore overrides, DefaultTemplates defaults, Renderer renderer, Clock clock) {
        this.overrides = overrides;
        this.defaults = defaults;
        this.renderer = renderer;
        this.clock = clock;
    }

    /** The staff-edited parts of a template. */
    public record Draft(String subject, String html, String text) {
    }

    /** Every key in every language, as messages are rendered now (override, else default). */
    public List<Template> list() {
        Map<String, Template> custom = new HashMap<>();
        overrides.all().forEach(t -> custom.put(t.key() + "/" + t.locale(), t));
        List<Template> all = new ArrayList<>();
        for (String key : TemplateCatalog.keys()) {
            for (String locale : TemplateCatalog.LOCALES) {
                Template override = custom.get(key + "/" + locale);
                all.add(override != null ? override : shipped(key, locale));
            }
        }
        return all;
    }

    public Template get(String key, String locale) {
        requireKnown(key, locale);
        return effective(key, locale);
    }

    public Template override(String key, String locale, Draft draft) {
        requireKnown(key, locale);
        Template template = new Template(key, locale, draft.subject(), draft.html(), draft.text(), true,
                clock.instant());
        renderer.render(template, TemplateCatalog.sample(key));
        overrides.save(template);
        log.info("template {}/{} overridden", key, locale);
        return template;
    }

    /** Back to the shipped default. */
    public Template reset(String key, String locale) {
        requireKnown(key, locale);
        if (overrides.delete(key, locale)) {
            log.info("template {}/{} reset to its default", key, locale);
        }
        return effective(key, locale);
    }

    /**
     * Renders the draft, or the current template when there is none, with the sample values overlaid by
     * {@code variables}; nothing is saved or sent.
     */
    public Rendered preview(String key, String locale, Draft draft, Map<String, String> variables) {
        requireKnown(key, locale);
        Template template = draft == null ? effective(key, locale)
                : new Template(key, locale, draft.subject(), draft.html(), draft.text(), true, null);
        Map<String, String> values = new HashMap<>(TemplateCatalog.sample(key));
        if (variables != null) {
            values.putAll(variables);
        }
        return renderer.render(template, values);
    }

    /**
     * A message as it goes out. Should an override fail with these values (it rendered with the samples
     * when saved), the default is used rather than losing the message.
     */
    public Rendered render(String key, String locale, Map<String, String> variables) {
        Template template = get(key, locale);
        try {
            return renderer.render(template, variables);
        } catch (TemplateSyntaxException e) {
            if (!template.custom()) {
                throw e;
            }
            log.warn("template {}/{} failed to render ({}); the default is used", key, locale, e.getMessage());
            return renderer.render(shipped(key, locale), variables);
        }
    }

    private Template effective(String key, String locale) {
        return overrides.find(key, locale).orElseGet(() -> shipped(key, locale));
    }

    private Template shipped(String key, String locale) {
        return defaults.find(key, locale)
                .orElseThrow(() -> new IllegalStateException("no default template " + key + "/" + locale));
    }

    private static void requireKnown(String key, String locale) {
        if (!TemplateCatalog.knows(key, locale)) {
            throw DomainException.notFound("template", key + "/" + locale);
        }
    }
}
