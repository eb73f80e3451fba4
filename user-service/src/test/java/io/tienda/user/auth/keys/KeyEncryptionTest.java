package io.tienda.user.auth.keys;

import io.tienda.user.UsersProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyEncryptionTest {

    private static final byte[] SECRET = "-----BEGIN PRIVATE KEY----- not really".getBytes(StandardCharsets.UTF_8);

    @Test
    void whatIsEncryptedUnderAKeyDecryptsOnlyUnderThatKeyAndKid() {
        KeyEncryption kek = new KeyEncryption(KeyEncryption.newKey());
        byte[] sealed = kek.encrypt(SECRET, "kid-1");

        assertThat(kek.decrypt(sealed, "kid-1")).isEqualTo(SECRET);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("PRIVATE KEY");
        assertThatThrownBy(() -> kek.decrypt(sealed, "kid-2")).isInstanceOf(KeyEncryption.WrongKeyException.class);
        assertThatThrownBy(() -> new KeyEncryption(KeyEncryption.newKey()).decrypt(sealed, "kid-1"))
                .isInstanceOf(KeyEncryption.WrongKeyException.class);
    }

    @Test
    void aTamperedCiphertextIsRefused() {
        KeyEncryption kek = new KeyEncryption(KeyEncryption.newKey());
        byte[] sealed = kek.encrypt(SECRET, "kid-1");
        sealed[sealed.length - 1] ^= 1;

        assertThatThrownBy(() -> kek.decrypt(sealed, "kid-1")).isInstanceOf(KeyEncryption.WrongKeyException.class);
    }

    @Test
    void eachEncryptionUsesAFreshNonce() {
        KeyEncryption kek = new KeyEncryption(KeyEncryption.newKey());

        assertThat(kek.encrypt(SECRET, "k")).isNotEqualTo(kek.encrypt(SECRET, "k"));
    }

    @Test
    void theKeyComesAsBase64Of32BytesAndItsIdRevealsNothing() {
        byte[] raw = KeyEncryption.newKey();
        String standard = Base64.getEncoder().encodeToString(raw);
        String url = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);

        assertThat(KeyEncryption.fromBase64(standard).id()).isEqualTo(KeyEncryption.fromBase64(url).id())
                .hasSize(12).isNotEqualTo(standard.substring(0, 12));
        assertThatThrownBy(() -> KeyEncryption.fromBase64(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> KeyEncryption.fromBase64("not base64 at all!"))
                .hasMessage("the key-encryption key is not valid base64");
    }

    @Test
    void productionRefusesToStartWithoutTheEnvironmentKey() {
        UsersProperties production = properties(Map.of("tienda.users.dev-mode", "false"));

        assertThatThrownBy(() -> KeyEncryptionKeys.resolve(production, null, Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TIENDA_USERS_KEY_ENCRYPTION_KEY is not set");
    }

    @Test
    void theEnvironmentKeyWinsInAnyMode() {
        String key = Base64.getEncoder().encodeToString(KeyEncryption.newKey());
        UsersProperties configured = properties(Map.of("tienda.users.dev-mode", "false",
                "tienda.users.keys.encryption-key", key));

        assertThat(KeyEncryptionKeys.resolve(configured, null, Clock.systemUTC()).id())
                .isEqualTo(KeyEncryption.fromBase64(key).id());
        assertThat(configured.keys().toString()).doesNotContain(key);
    }

    static UsersProperties properties(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("tienda.users", UsersProperties.class);
    }
}
