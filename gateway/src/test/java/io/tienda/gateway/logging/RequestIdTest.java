package io.tienda.gateway.logging;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdTest {

    @Test
    void keepsAWellFormedIdAndReplacesAnythingElse() {
        assertThat(RequestId.acceptOrGenerate("checkout-42.retry_1")).isEqualTo("checkout-42.retry_1");
        assertThat(RequestId.acceptOrGenerate("evil\r\nSet-Cookie: x")).isNotEqualTo("evil\r\nSet-Cookie: x")
                .matches("[0-9a-f-]{36}");
        assertThat(RequestId.acceptOrGenerate("x".repeat(129))).hasSize(36);
        assertThat(RequestId.acceptOrGenerate(null)).hasSize(36);
    }

    @Test
    void generatesDistinctRandomUuids() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = RequestId.generate();
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(uuid.toString()).isEqualTo(id);
            ids.add(id);
        }
        assertThat(ids).hasSize(10_000);
    }
}
