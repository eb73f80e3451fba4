package io.tienda.platform.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts the stores and puts their properties first in the environment. Being a record, it is equal
 * for equal stores and database, which lets Spring's test-context cache share one context between
 * test classes that ask for the same setup.
 */
record TiendaInfraContextCustomizer(Set<Store> stores, String database) implements ContextCustomizer {

    static final String PROPERTY_SOURCE = "tiendaInfra";

    /** The in-process broker's own loggers; its clients' loggers keep their levels. */
    private static final String[] KAFKA_SERVER_LOGGERS = { "kafka", "state.change.logger", "org.apache.kafka.server",
            "org.apache.kafka.controller", "org.apache.kafka.raft", "org.apache.kafka.metadata",
            "org.apache.kafka.image", "org.apache.kafka.storage", "org.apache.kafka.coordinator",
            "org.apache.kafka.queue", "org.apache.kafka.snapshot" };

    TiendaInfraContextCustomizer {
        stores = Set.copyOf(stores);
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
        if (stores.contains(Store.KAFKA)) {
            quietKafkaServer(context.getClassLoader());
        }
        Infra.start(stores);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties()));
    }

    Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Store store : stores) {
            switch (store) {
                case POSTGRES -> {
                    Infra.postgres().ensureDatabase(database);
                    properties.putAll(ServiceProperties.postgres(Infra.postgres(), database));
                }
                case KAFKA -> properties.putAll(ServiceProperties.kafka(Infra.kafka()));
                case REDIS -> properties.putAll(ServiceProperties.redis(Infra.redis()));
                case MONGODB -> properties.putAll(ServiceProperties.mongo(Infra.mongo(), database));
                case CLICKHOUSE -> {
                    Infra.clickhouse().ensureDatabase(database);
                    properties.putAll(ServiceProperties.clickhouse(Infra.clickhouse(), database));
                }
                case SMTP -> properties.putAll(ServiceProperties.smtp(Infra.smtp()));
            }
        }
        return properties;
    }

    /** An embedded broker logs hundreds of INFO lines on start; tests only care about its warnings. */
    private static void quietKafkaServer(ClassLoader classLoader) {
        try {
            LoggingSystem logging = LoggingSystem.get(classLoader);
            for (String logger : KAFKA_SERVER_LOGGERS) {
                logging.setLogLevel(logger, LogLevel.WARN);
            }
        }
        catch (RuntimeException ex) {
            // no usable logging system: the broker is merely louder
        }
    }

}
