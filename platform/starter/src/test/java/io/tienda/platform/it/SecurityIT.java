package io.tienda.platform.it;

import io.tienda.platform.testing.security.TestTokens;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every service is a resource server: tokens checked, roles from the claim, ownership enforced. */
@Order(2)
class SecurityIT extends StarterIT {

    @Test
    void protectedRoutesNeedAToken() {
        Reply reply = get("/api/v1/widgets/" + UUID.randomUUID(), null);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.json().get("type").asString()).endsWith("/unauthorized");
        assertThat(reply.raw().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    /** A HEAD is the GET without its body: public where the GET is, behind a token where it is. */
    @Test
    void aHeadIsAllowedWhereItsGetIs() {
        Reply publicGet = get("/api/v1/widgets/public/filters", null);
        Reply publicHead = send("HEAD", "/api/v1/widgets/public/filters", null, Map.of());
        Reply protectedHead = send("HEAD", "/api/v1/widgets/" + UUID.randomUUID(), null, Map.of());

        assertThat(publicGet.status()).isEqualTo(200);
        assertThat(publicHead.status()).isEqualTo(200);
        assertThat(publicHead.body()).isEmpty();
        assertThat(publicHead.contentType()).isEqualTo(publicGet.contentType());
        assertThat(protectedHead.status()).isEqualTo(401);
        assertThat(protectedHead.raw().headers().firstValue("WWW-Authenticate")).isPresent();
    }

    @Test
    void actuatorHealthAndApiDocsArePublic() {
        assertThat(get("/actuator/health/liveness", null).status()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness", null).body()).contains("UP");
        assertThat(get("/actuator/prometheus", null).body()).contains("jvm_memory_used_bytes");
        assertThat(get("/v3/api-docs", null).json().get("paths").has("/api/v1/widgets")).isTrue();
    }

    @Test
    void rolesComeFromTheRolesClaim() {
        String path = "/api/v1/widgets/" + UUID.randomUUID();

        Reply customer = send("DELETE", path, null, bearer(TestTokens.token("u1", "CUSTOMER")));
        Reply manager = send("DELETE", path, null, bearer(TestTokens.token("m1", "MANAGER")));

        assertThat(customer.status()).isEqualTo(403);
        assertThat(customer.json().get("type").asString()).endsWith("/forbidden");
        assertThat(manager.status()).isEqualTo(204);
    }

    /**
     * A caller without the role is turned away before the body or the path is read: 403, not the
     * 400 that would tell them how the endpoint's input is shaped; and nothing changes.
     */
    @Test
    void rolesAreCheckedBeforeTheRequestIsRead() {
        String customer = TestTokens.token("carol", "CUSTOMER");
        String manager = TestTokens.token("m2", "MANAGER");
        String id = send("POST", "/api/v1/widgets", "{\"name\":\"before\",\"quantity\":1}", bearer(customer))
                .json().get("id").asString();
        String path = "/api/v1/widgets/" + id;

        for (String body : new String[] {"{\"name\":\"\",\"quantity\":-1}", "{\"name\":", "{\"name\":\"after\",\"quantity\":2}"}) {
            Reply denied = send("PUT", path, body, bearer(customer));
            assertThat(denied.status()).as(body).isEqualTo(403);
            assertThat(denied.json().get("type").asString()).endsWith("/forbidden");
            assertThat(denied.body()).doesNotContain("quantity");
        }
        assertThat(send("PUT", "/api/v1/widgets/not-a-uuid", "{}", bearer(customer)).status()).isEqualTo(403);
        assertThat(get("/api/v1/widgets/public/" + id, null).json().get("name").asString()).isEqualTo("before");

        Reply invalid = send("PUT", path, "{\"name\":\"\",\"quantity\":-1}", bearer(manager));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("quantity");
        assertThat(send("PUT", "/api/v1/widgets/not-a-uuid", "{}", bearer(manager)).status()).isEqualTo(400);
        assertThat(send("PUT", path, "{\"name\":\"after\",\"quantity\":2}", bearer(manager)).status()).isEqualTo(200);
        assertThat(get("/api/v1/widgets/public/" + id, null).json().get("name").asString()).isEqualTo("after");
    }

    /** A rule that names a method parameter cannot be checked early; the method check still applies it. */
    @Test
    void rulesOnParametersAreLeftToTheMethodCheck() {
        assertThat(get("/api/v1/widgets/named/dave", TestTokens.token("dave", "CUSTOMER")).status()).isEqualTo(200);
        Reply other = get("/api/v1/widgets/named/dave", TestTokens.token("erin", "CUSTOMER"));
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.json().get("type").asString()).endsWith("/forbidden");
    }

    @Test
    void aCustomerReachesOnlyTheirOwnResources() {
        String alice = TestTokens.token("alice", "CUSTOMER");
        Reply created = send("POST", "/api/v1/widgets", "{\"name\":\"mine\",\"quantity\":1}", bearer(alice));
        String path = "/api/v1/widgets/" + created.json().get("id").asString();

        assertThat(get(path, alice).status()).isEqualTo(200);
        Reply bob = get(path, TestTokens.token("bob", "CUSTOMER"));
        assertThat(bob.status()).isEqualTo(404);
        assertThat(get(path, TestTokens.token("s1", "SUPPORT")).status()).isEqualTo(200);
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }
}
