package io.tienda.notification.contact.domain;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * Where and how to reach a user, as user-service last announced it.
 *
 * @param name     what to call them; null when they gave no name
 * @param language {@code es} or {@code en}
 * @param asOf     when user-service made the change; an older announcement never overwrites a newer one
 */
public record Contact(String userId, String email, String name, String language, Instant asOf) {

    public static final String SPANISH = "es";
    public static final String ENGLISH = "en";

    public Contact {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(asOf, "asOf");
        language = language(language);
    }

    /** The language a message goes out in: English when asked for, Spanish otherwise (the shop's own). */
    public static String language(String requested) {
        return requested != null && requested.toLowerCase(Locale.ROOT).startsWith(ENGLISH) ? ENGLISH : SPANISH;
    }
}
