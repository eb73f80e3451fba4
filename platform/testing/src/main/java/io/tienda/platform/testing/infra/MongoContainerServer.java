package io.tienda.platform.testing.infra;

import org.testcontainers.mongodb.MongoDBContainer;

final class MongoContainerServer extends ContainerServer<MongoDBContainer> implements MongoServer {

    MongoContainerServer() {
        super("MongoDB", new MongoDBContainer(image("mongo", "mongo:7.0")), 27017);
    }

    @Override
    public String host() {
        return super.host();
    }

    @Override
    public int port() {
        return mappedPort(27017);
    }

}
