package io.tienda.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input at the gateway and at the services behind it answers 4xx problem+json, never 5xx. */
@ExtendWith(Fleet.class)
class BadInputIT {

    private final Api gateway = Api.gateway();

    @Test
    void wrongParameterTypesAre400() {
        Api.Reply reply = gateway.get("/api/v1/products?page=first&size=lots").send();

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.isProblem()).isTrue();
    }

    @Test
    void wrongMethodsAre405() {
        Api.Reply reply = gateway.method("DELETE", "/api/v1/categories", null).send();

        assertThat(reply.status()).isIn(401, 405);
        assertThat(reply.isProblem()).isTrue();
    }

    @Test
    void malformedJsonIsNeverA5xx() {
        Api.Reply reply = gateway.post("/api/v1/products", "{\"name\": ").send();

        assertThat(reply.status()).isBetween(400, 499);
        assertThat(reply.isProblem()).isTrue();
    }

    @Test
    void hugeBodiesAre413AtTheGateway() {
        String huge = "{\"name\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";

        Api.Reply reply = gateway.post("/api/v1/products", huge).send();

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.isProblem()).isTrue();
    }

    @Test
    void unknownPathsInsideAnAreaAre404FromTheService() {
        Api.Reply reply = gateway.get("/api/v1/products/" + java.util.UUID.randomUUID() + "/nothing/here").send();

        assertThat(reply.status()).isIn(401, 404);
        assertThat(reply.isProblem()).isTrue();
    }
}
