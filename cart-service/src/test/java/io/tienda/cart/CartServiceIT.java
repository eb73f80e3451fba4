package io.tienda.cart;

import io.tienda.platform.testing.Store;
import io.tienda.platform.testing.TiendaInfra;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * One application context for every integration test of the service, on a real redis-server and a
 * real Kafka broker (the service creates its topics at start). Tests write carts straight into
 * Redis and isolate themselves by owner id.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TiendaInfra({Store.REDIS, Store.KAFKA})
public abstract class CartServiceIT {

    @LocalServerPort
    private int port;

    @Autowired
    protected StringRedisTemplate redis;

    protected RestTestClient http;

    @BeforeEach
    void client() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }
}
