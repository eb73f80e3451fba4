package io.tienda.platform.testing.infra;

/** A server that speaks the MongoDB wire protocol. */
public interface MongoServer extends Server {

    String host();

    int port();

    /** The connection string for {@code database}, the value of {@code spring.mongodb.uri}. */
    default String uri(String database) {
        return "mongodb://" + host() + ":" + port() + "/" + Names.database(database);
    }

}
