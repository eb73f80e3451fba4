package io.tienda.notification.template.persistence;

import io.tienda.notification.template.domain.DefaultTemplates;
import io.tienda.notification.template.domain.Template;
import io.tienda.notification.template.domain.TemplateCatalog;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The shipped templates, read once at start from {@code notification-templates/<locale>/}: {@code
 * <key>.html}, {@code <key>.txt} and the subjects in {@code subjects.properties}. A missing one fails
 * the start, not a customer's mail.
 */
@Component
class ClasspathDefaultTemplates implements DefaultTemplates {

    private static final String ROOT = "notification-templates/";

    private final Map<String, Template> templates = new HashMap<>();

    ClasspathDefaultTemplates() {
        for (String locale : TemplateCatalog.LOCALES) {
            Properties subjects = subjects(locale);
            for (String key : TemplateCatalog.keys()) {
                String subject = subjects.getProperty(key);
                if (subject == null) {
                    throw new IllegalStateException("no default subject for " + key + " in " + locale);
                }
                templates.put(key + "/" + locale, new Template(key, locale, subject,
                        read(locale + "/" + key + ".html"), read(locale + "/" + key + ".txt"), false, null));
            }
        }
    }

    @Override
    public Optional<Template> find(String key, String locale) {
        return Optional.ofNullable(templates.get(key + "/" + locale));
    }

    private static Properties subjects(String locale) {
        Properties subjects = new Properties();
        try (InputStream in = new ClassPathResource(ROOT + locale + "/subjects.properties").getInputStream()) {
            subjects.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the default subjects for " + locale, e);
        }
        return subjects;
    }

    private static String read(String path) {
        try (InputStream in = new ClassPathResource(ROOT + path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the default template " + path, e);
        }
    }
}
