package io.tienda.analytics.clickhouse;

import com.clickhouse.client.api.Client;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

@Configuration(proxyBeanMethods = false)
class ClickHouseConfiguration {

    @Bean(destroyMethod = "close")
    Client clickHouseClient(ClickHouseProperties properties) {
        return new Client.Builder()
                .addEndpoint(properties.url().toString())
                .setUsername(properties.username())
                .setPassword(properties.password())
                // zstd is not on the classpath, and 18.16 cannot negotiate the client's compression
                .compressServerResponse(false)
                .compressClientRequest(false)
                .setConnectTimeout(2_000)
                .setSocketTimeout(properties.timeout().toMillis())
                .build();
    }

    @Bean
    ClickHouse clickHouse(Client clickHouseClient, JsonMapper json, ClickHouseProperties properties) {
        return new ClickHouse(clickHouseClient, json, properties);
    }

    /** Named {@code clickhouse}, the name the platform's readiness group lists. */
    @Bean("clickhouse")
    ClickHouseHealthIndicator clickhouseHealthIndicator(ClickHouse clickHouse) {
        return new ClickHouseHealthIndicator(clickHouse);
    }

    @Bean
    ClickHouseSchema clickHouseSchema(ClickHouse clickHouse, List<ClickHouseTable> tables) {
        return new ClickHouseSchema(clickHouse, tables);
    }
}
