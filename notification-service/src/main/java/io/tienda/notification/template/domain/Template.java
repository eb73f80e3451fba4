package io.tienda.notification.template.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What a message says, in one language: Thymeleaf templates for the subject (text), the HTML body and
 * the plain-text body. {@code custom} tells a staff override from the default the service ships.
 *
 * @param updatedAt when staff last saved it; null for a shipped default
 */
public record Template(String key, String locale, String subject, String html, String text, boolean custom,
        Instant updatedAt) {

    public Template {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(text, "text");
    }
}
