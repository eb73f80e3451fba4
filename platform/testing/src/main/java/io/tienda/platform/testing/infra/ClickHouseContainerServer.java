package io.tienda.platform.testing.infra;

import org.testcontainers.clickhouse.ClickHouseContainer;

final class ClickHouseContainerServer extends ContainerServer<ClickHouseContainer> implements ClickHouseServer {

    ClickHouseContainerServer() {
        super("ClickHouse", new ClickHouseContainer(image("clickhouse", "clickhouse/clickhouse-server:24.8")), 8123,
                9000);
    }

    @Override
    public String url() {
        return "http://" + host() + ":" + mappedPort(8123);
    }

    @Override
    public String username() {
        return container.getUsername();
    }

    @Override
    public String password() {
        return container.getPassword();
    }

}
