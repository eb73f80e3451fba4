package io.tienda.notification.contact;

import io.tienda.notification.contact.domain.Contact;
import io.tienda.notification.contact.domain.Contacts;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.Optional;

/** Where to reach users, kept from user-service's announcements (sign-up, contact changes, erasure). */
@Service
public class AddressBook {

    private final Contacts contacts;

    AddressBook(Contacts contacts) {
        this.contacts = contacts;
    }

    /** Records an announcement; a redelivered or older one changes nothing. */
    public void learn(String userId, String email, String name, String language, Instant asOf) {
        if (userId == null || email == null || email.isBlank()) {
            return;
        }
        String displayName = name == null || name.isBlank() ? null : name.strip();
        contacts.remember(new Contact(userId, email.strip(), displayName, language, asOf));
    }

    public Optional<Contact> find(String userId) {
        return userId == null ? Optional.empty() : contacts.find(userId);
    }

    /** Whether the user was erased: nothing may be kept for them again, whatever arrives late. */
    public boolean erased(String userId) {
        return userId != null && contacts.erased(userId);
    }

    public void erase(String userId, Instant at) {
        contacts.erase(userId, at);
    }
}
