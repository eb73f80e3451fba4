package io.tienda.user.auth.keys;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Objects;

/**
 * One RSA key pair that signs access tokens. Only the current key has its private half; retired keys
 * keep their public half while tokens they signed may still be in use.
 */
record SigningKey(String kid, RSAPublicKey publicKey, RSAPrivateKey privateKey, Instant createdAt,
        Instant retiredAt) {

    SigningKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    boolean current() {
        return retiredAt == null;
    }

    /** The public JWK as it is published: RS256, for signatures, with its kid. */
    RSAKey publicJwk() {
        return new RSAKey.Builder(publicKey).keyID(kid).algorithm(JWSAlgorithm.RS256).keyUse(KeyUse.SIGNATURE)
                .build();
    }

    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + ", createdAt=" + createdAt + ", retiredAt=" + retiredAt + "]";
    }
}
