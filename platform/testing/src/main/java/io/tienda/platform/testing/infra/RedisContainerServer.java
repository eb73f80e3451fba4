package io.tienda.platform.testing.infra;

import org.testcontainers.containers.GenericContainer;

final class RedisContainerServer extends ContainerServer<GenericContainer<?>> implements RedisServer {

    RedisContainerServer() {
        super("Redis", new GenericContainer<>(image("redis", "redis:7-alpine")).withExposedPorts(6379), 6379);
    }

    @Override
    public String host() {
        return super.host();
    }

    @Override
    public int port() {
        return mappedPort(6379);
    }

}
