package io.tienda.user.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the integration tests that call the API and read {@code user.events} share: the running
 * service, its database, and a reader of the events it publishes.
 */
@UserServiceTest
public abstract class UserApiIT {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected Environment environment;

    protected Api api;
    protected UserEvents events;

    @BeforeEach
    void connect() {
        api = new Api(port);
        events = new UserEvents(environment.getRequiredProperty("spring.kafka.bootstrap-servers"));
    }
}
