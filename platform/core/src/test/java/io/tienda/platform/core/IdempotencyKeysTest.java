package io.tienda.platform.core;

import io.tienda.platform.problem.DomainException;
import io.tienda.platform.problem.ProblemType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class IdempotencyKeysTest {

    private static final Pattern PATTERN = Pattern.compile(IdempotencyKeys.PATTERN);

    @Test
    void printableAsciiUpToTheLimitIsAKey() {
        String everyCharacter = "!\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`"
                + "abcdefghijklmnopqrstuvwxyz{|}~";
        for (String good : List.of("k", UUID.randomUUID().toString(), "order-42/attempt:1", everyCharacter,
                "x".repeat(IdempotencyKeys.MAX_LENGTH))) {
            assertThat(IdempotencyKeys.isWellFormed(good)).as(good).isTrue();
            assertThat(PATTERN.matcher(good).matches()).as(good).isTrue();
            assertThat(IdempotencyKeys.optional(good)).isEqualTo(good);
            assertThat(IdempotencyKeys.required(good)).isEqualTo(good);
        }
    }

    @Test
    void anythingElseIsNot() {
        for (String bad : List.of("", " ", "has space", "tab\tkey", "nul\u0000", "del\u007F", "ñ", "key\u00A0",
                "🚲", "x".repeat(IdempotencyKeys.MAX_LENGTH + 1))) {
            assertThat(IdempotencyKeys.isWellFormed(bad)).as(bad).isFalse();
            assertThat(PATTERN.matcher(bad).matches()).as(bad).isFalse();
            assertInvalid(catchThrowableOfType(DomainException.class, () -> IdempotencyKeys.optional(bad)));
            assertInvalid(catchThrowableOfType(DomainException.class, () -> IdempotencyKeys.required(bad)));
        }
        assertThat(IdempotencyKeys.isWellFormed(null)).isFalse();
    }

    @Test
    void noKeyIsFineWhereItIsOptionalOnly() {
        assertThat(IdempotencyKeys.optional(null)).isNull();
        DomainException missing = catchThrowableOfType(DomainException.class, () -> IdempotencyKeys.required(null));
        assertInvalid(missing);
        assertThat(errors(missing).get(0).get("message")).startsWith("required: ");
    }

    @Test
    void aFingerprintIsTheSha256OfTheRequestAndTellsRequestsApart() {
        // the SHA-256 test vector of "abc" (FIPS 180-2)
        assertThat(IdempotencyKeys.fingerprint("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(IdempotencyKeys.fingerprint("1250|EUR")).isEqualTo(IdempotencyKeys.fingerprint("1250|EUR"))
                .isNotEqualTo(IdempotencyKeys.fingerprint("1250|USD")).hasSize(64);
        assertThat(IdempotencyKeys.fingerprint("café")).isNotEqualTo(IdempotencyKeys.fingerprint("cafe"));
    }

    @Test
    void aKeySentAgainWithAnotherRequestIsOneProblemEverywhere() {
        DomainException reused = IdempotencyKeys.reused();

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.type().toString()).endsWith("/idempotency-key-reused");
        assertThat(reused.getMessage()).contains("different request");
    }

    private static void assertInvalid(DomainException e) {
        assertThat(e).isNotNull();
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.type()).isEqualTo(ProblemType.VALIDATION.uri());
        assertThat(e.getMessage()).contains(IdempotencyKeys.HEADER);
        assertThat(errors(e)).singleElement().satisfies(error -> {
            assertThat(error.get("field")).isEqualTo(IdempotencyKeys.HEADER);
            assertThat(error.get("message")).contains(IdempotencyKeys.RULE);
        });
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, String>> errors(DomainException e) {
        return (List<Map<String, String>>) e.properties().get("errors");
    }
}
