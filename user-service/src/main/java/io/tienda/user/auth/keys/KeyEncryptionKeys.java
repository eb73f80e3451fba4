package io.tienda.user.auth.keys;

import io.tienda.user.UsersProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * Where the key-encryption key comes from. Production: {@code TIENDA_USERS_KEY_ENCRYPTION_KEY}, and
 * nothing else. Local development ({@code tienda.users.dev-mode=true}) without the variable: a key the
 * service generated on its first start and keeps in its own database, so that every replica and every
 * restart of the local fleet decrypts the same signing keys. That is no encryption at rest (whoever
 * reads the database reads the key), which is why production refuses it.
 */
final class KeyEncryptionKeys {

    private static final Logger log = LoggerFactory.getLogger(KeyEncryptionKeys.class);

    private KeyEncryptionKeys() {
    }

    static KeyEncryption resolve(UsersProperties properties, JdbcClient jdbc, Clock clock) {
        String configured = properties.keys().encryptionKey();
        if (configured != null && !configured.isBlank()) {
            return KeyEncryption.fromBase64(configured);
        }
        if (!properties.devMode()) {
            throw new IllegalStateException("TIENDA_USERS_KEY_ENCRYPTION_KEY is not set: give it base64 of 32 random "
                    + "bytes (e.g. `openssl rand -base64 32`) so the signing keys can be encrypted at rest, or set "
                    + "tienda.users.dev-mode=true on a developer machine");
        }
        log.warn("tienda.users.dev-mode: TIENDA_USERS_KEY_ENCRYPTION_KEY is not set, so signing keys are encrypted "
                + "under a development key stored in the database. Never run like this in production.");
        byte[] generated = KeyEncryption.newKey();
        try {
            // First replica to get here wins; the others read its key.
            jdbc.sql("""
                            insert into dev_key_encryption_key (id, key_bytes, created_at) values (1, :key, :at)
                            on conflict (id) do nothing""")
                    .param("key", generated)
                    .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .update();
            byte[] stored = jdbc.sql("select key_bytes from dev_key_encryption_key where id = 1")
                    .query(byte[].class).single();
            try {
                return new KeyEncryption(stored);
            } finally {
                Arrays.fill(stored, (byte) 0);
            }
        } finally {
            Arrays.fill(generated, (byte) 0);
        }
    }
}
