package io.tienda.user.auth.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.platform.core.Roles;
import io.tienda.user.auth.keys.SigningKeys;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.Map;

@Tag(name = "Signing keys", description = "The keys access tokens are signed with")
@RestController
class KeysResource {

    /** Services refetch the set when a token names a kid they do not know, so a short cache is safe. */
    private static final CacheControl JWKS_CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    private final SigningKeys keys;

    KeysResource(SigningKeys keys) {
        this.keys = keys;
    }

    @Operation(summary = "The public keys that verify access tokens (JWKS, RFC 7517)",
            description = "The current key and the previous ones whose tokens may still be valid. Public.")
    @GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok().cacheControl(JWKS_CACHE).body(keys.publishedJwks().toJSONObject(true));
    }

    @Operation(summary = "Rotate the signing key (ADMIN)",
            description = "A new key signs from now on; the old one stays in the JWKS until every token it signed "
                    + "has expired, so no signed-in user notices.")
    @PostMapping("/api/v1/auth/keys/rotate")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Roles.HAS_ADMIN)
    SigningKeys.KeyInfo rotate() {
        return keys.rotate();
    }
}
