package io.tienda.platform.testing.infra;

/** A Redis server. */
public interface RedisServer extends Server {

    String host();

    int port();

}
