package io.tienda.notification.contact.domain;

import java.time.Instant;
import java.util.Optional;

/** The address book ({@code contacts}): one entry per user. */
public interface Contacts {

    /** The user's contact, unless unknown or erased. */
    Optional<Contact> find(String userId);

    /** Stores the contact unless a newer one (or the user's erasure) is already known. True when stored. */
    boolean remember(Contact contact);

    /** Whether the user was erased (their tombstone is kept for good). */
    boolean erased(String userId);

    /** Forgets the user's details and keeps a tombstone, so that a late announcement cannot bring them back. */
    void erase(String userId, Instant at);
}
