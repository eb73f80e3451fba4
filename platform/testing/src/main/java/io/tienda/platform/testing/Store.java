package io.tienda.platform.testing;

/** The kinds of server a test can ask for with {@link TiendaInfra}. */
public enum Store {

    POSTGRES, KAFKA, REDIS, MONGODB, CLICKHOUSE, SMTP

}
