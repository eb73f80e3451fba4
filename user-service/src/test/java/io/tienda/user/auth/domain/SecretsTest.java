package io.tienda.user.auth.domain;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTest {

    @Test
    void tokensCarry256RandomBitsInUrlSafeText() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = Secrets.newToken();
            assertThat(token).matches("[A-Za-z0-9_-]{43}");
            seen.add(token);
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void hashesAreSha256AndEmailHashesIgnoreCaseAndSpaces() {
        assertThat(Secrets.sha256("x")).hasSize(32);
        assertThat(Secrets.emailHash(" Ana@Example.COM ")).isEqualTo(Secrets.emailHash("ana@example.com"))
                .hasSize(64);
    }

    @Test
    void everySpellingOfOneAddressHasOnePseudonym() {
        String plain = Secrets.emailHash("lim@example.com");

        assertThat(Secrets.emailHash("l\u0130m@example.com")).isEqualTo(plain);
        assertThat(Secrets.emailHash("LIM@EXAMPLE.COM")).isEqualTo(plain);
        assertThat(Secrets.emailHash("\uFF4Cim@example.com")).isEqualTo(plain);
        // An address hashed before canonical forms existed hashes the same when it is plain ASCII.
        assertThat(plain).isEqualTo(java.util.HexFormat.of().formatHex(Secrets.sha256("lim@example.com")));
    }
}
