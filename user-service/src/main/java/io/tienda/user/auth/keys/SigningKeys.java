package io.tienda.user.auth.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import io.tienda.user.UsersProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The RSA keys that sign access tokens, shared by every replica through PostgreSQL. One key is
 * current and signs; when it is rotated (by an admin, or automatically after
 * {@code tienda.users.keys.rotate-after}) it retires, loses its private half, and stays published
 * until every token it signed has expired: an access token's lifetime, plus the time a replica may
 * take to notice the rotation, plus the clock skew validators allow. The previous key is always
 * published too, so a JWKS never shows a single key right after a rotation.
 *
 * <p>Each replica caches the keys and rereads them every {@code refresh-interval}, and at once when
 * asked for a {@code kid} it does not know (a token signed by a replica that rotated).
 */
@Component
public class SigningKeys implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final Duration SKEW = Duration.ofSeconds(60);
    private static final Duration MIN_RELOAD_GAP = Duration.ofSeconds(1);

    private final SigningKeyRepository repository;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final UsersProperties properties;
    private final Clock clock;

    private volatile KeyEncryption encryption;
    private volatile KeyRing ring;

    SigningKeys(SigningKeyRepository repository, JdbcClient jdbc, TransactionTemplate transactions,
            UsersProperties properties, Clock clock) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** What a replica knows about the keys, and when it last read them. */
    private record KeyRing(SigningKey current, List<SigningKey> published, JWKSet jwks, Instant loadedAt) {
    }

    /** A key as an admin sees it after a rotation. */
    public record KeyInfo(String kid, Instant createdAt, List<String> publishedKids) {
    }

    /** Fails the start when the key-encryption key is missing or does not open the current key. */
    @Override
    public void afterSingletonsInstantiated() {
        encryption = KeyEncryptionKeys.resolve(properties, jdbc, clock);
        transactions.executeWithoutResult(status -> {
            repository.lockForChange();
            if (repository.current().isEmpty()) {
                create(clock.instant());
                log.info("created the first signing key");
            }
        });
        reload();
    }

    /** The key that signs now, with its private half. */
    SigningKey current() {
        return fresh().current();
    }

    /** The public keys tokens may be verified with: what {@code /.well-known/jwks.json} serves. */
    public JWKSet publishedJwks() {
        return fresh().jwks();
    }

    /** Keys matching a token's header; rereads the table once when none does (another replica rotated). */
    List<JWK> select(JWKSelector selector) {
        KeyRing known = fresh();
        List<JWK> matches = selector.select(known.jwks());
        if (matches.isEmpty() && clock.instant().isAfter(known.loadedAt().plus(MIN_RELOAD_GAP))) {
            matches = selector.select(reload().jwks());
        }
        return matches;
    }

    /** Makes a new current key; the old one stays published until its tokens have expired. */
    public KeyInfo rotate() {
        SigningKey created = transactions.execute(status -> {
            repository.lockForChange();
            Instant now = clock.instant();
            repository.retireCurrent(now);
            return create(now);
        });
        KeyRing reloaded = reload();
        log.info("rotated signing keys: {} now signs", created.kid());
        return new KeyInfo(created.kid(), created.createdAt(), reloaded.published().stream().map(SigningKey::kid)
                .toList());
    }

    /** Rotates when the current key is older than {@code tienda.users.keys.rotate-after}; one replica does it. */
    @Scheduled(initialDelayString = "${tienda.users.keys.rotation-check-interval:1h}",
            fixedDelayString = "${tienda.users.keys.rotation-check-interval:1h}")
    public void rotateIfDue() {
        Boolean rotated = transactions.execute(status -> {
            repository.lockForChange();
            Instant now = clock.instant();
            var current = repository.current();
            if (current.isPresent() && current.get().createdAt().plus(properties.keys().rotateAfter()).isAfter(now)) {
                return false;
            }
            repository.retireCurrent(now);
            create(now);
            return true;
        });
        if (Boolean.TRUE.equals(rotated)) {
            log.info("rotated signing keys: the current key was older than {}", properties.keys().rotateAfter());
            reload();
        }
    }

    private KeyRing fresh() {
        KeyRing known = ring;
        if (known == null || !clock.instant().isBefore(known.loadedAt().plus(properties.keys().refreshInterval()))) {
            return reload();
        }
        return known;
    }

    private synchronized KeyRing reload() {
        Instant now = clock.instant();
        Duration retention = properties.tokens().accessTtl().plus(properties.keys().refreshInterval()).plus(SKEW);
        List<SigningKey> keys = repository.published(now.minus(retention)).stream().map(this::open).toList();
        SigningKey current = keys.stream().filter(SigningKey::current).findFirst()
                .orElseThrow(() -> new IllegalStateException("no current signing key"));
        JWKSet jwks = new JWKSet(keys.stream().<JWK>map(SigningKey::publicJwk).toList());
        KeyRing loaded = new KeyRing(current, keys, jwks, now);
        ring = loaded;
        return loaded;
    }

    private SigningKey create(Instant now) {
        KeyPair pair = generate(properties.keys().rsaBits());
        RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();
        String kid = thumbprint(publicKey);
        byte[] privateDer = pair.getPrivate().getEncoded();
        try {
            repository.insert(kid, publicKey.getEncoded(), encryption.encrypt(privateDer, kid), encryption.id(), now);
        } finally {
            Arrays.fill(privateDer, (byte) 0);
        }
        return new SigningKey(kid, publicKey, (RSAPrivateKey) pair.getPrivate(), now, null);
    }

    private SigningKey open(SigningKeyRepository.StoredKey stored) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(stored.publicKey()));
            RSAPrivateKey privateKey = null;
            if (stored.encryptedPrivateKey() != null) {
                byte[] der = decrypt(stored);
                try {
                    privateKey = (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
                } finally {
                    Arrays.fill(der, (byte) 0);
                }
            }
            return new SigningKey(stored.kid(), publicKey, privateKey, stored.createdAt(), stored.retiredAt());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing key " + stored.kid() + " is corrupt", e);
        }
    }

    private byte[] decrypt(SigningKeyRepository.StoredKey stored) {
        try {
            return encryption.decrypt(stored.encryptedPrivateKey(), stored.kid());
        } catch (KeyEncryption.WrongKeyException e) {
            throw new IllegalStateException("cannot decrypt signing key " + stored.kid() + ": it was encrypted under "
                    + "key-encryption key " + stored.kekId() + " but TIENDA_USERS_KEY_ENCRYPTION_KEY is "
                    + encryption.id() + ". Set the key it was encrypted with.", e);
        }
    }

    private static KeyPair generate(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is unavailable", e);
        }
    }

    /** The RFC 7638 thumbprint: a kid derived from the key itself. */
    private static String thumbprint(RSAPublicKey publicKey) {
        try {
            return new RSAKey.Builder(publicKey).build().computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
