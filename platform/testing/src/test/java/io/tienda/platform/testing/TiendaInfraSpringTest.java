package io.tienda.platform.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.ConfigurableEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

@TiendaInfra(value = { Store.POSTGRES, Store.KAFKA, Store.REDIS, Store.MONGODB, Store.CLICKHOUSE, Store.SMTP },
        database = "spring_test")
@SpringBootTest(classes = TiendaInfraSpringTest.NoBeans.class,
        properties = { "spring.datasource.url=jdbc:postgresql://nowhere:1/overridden", "spring.mail.port=1" })
class TiendaInfraSpringTest {

    @Autowired
    ConfigurableEnvironment environment;

    @Test
    void pointsEveryStorePropertyAtTheSharedServers() {
        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo(Infra.postgres().jdbcUrl("spring_test"));
        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("postgres");
        assertThat(environment.getProperty("spring.datasource.password")).isEqualTo(Infra.postgres().password());
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo(Infra.kafka().bootstrapServers());
        assertThat(environment.getProperty("spring.data.redis.host")).isEqualTo("localhost");
        assertThat(environment.getProperty("spring.data.redis.port", Integer.class)).isEqualTo(Infra.redis().port());
        String mongoUri = "mongodb://localhost:" + Infra.mongo().port() + "/spring_test";
        assertThat(environment.getProperty("spring.mongodb.uri")).isEqualTo(mongoUri);
        assertThat(environment.getProperty("spring.data.mongodb.uri")).isEqualTo(mongoUri);
        assertThat(environment.getProperty("spring.mongodb.database")).isEqualTo("spring_test");
        assertThat(environment.getProperty("spring.data.mongodb.database")).isEqualTo("spring_test");
        assertThat(environment.getProperty("tienda.clickhouse.url")).isEqualTo(Infra.clickhouse().url());
        assertThat(environment.getProperty("tienda.clickhouse.database")).isEqualTo("spring_test");
        assertThat(environment.getProperty("tienda.clickhouse.username")).isEqualTo("default");
        assertThat(environment.getProperty("tienda.clickhouse.password")).isEmpty();
        assertThat(environment.getProperty("spring.mail.host")).isEqualTo("localhost");
        assertThat(environment.getProperty("spring.mail.port", Integer.class)).isEqualTo(Infra.smtp().port());
    }

    @Test
    void createsTheDatabasesItPointsAt() throws Exception {
        try (Connection connection = DriverManager.getConnection(environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password"));
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT current_database()")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("spring_test");
        }
        assertThat(Infra.clickhouse().execute("SELECT name FROM system.databases WHERE name = 'spring_test'").trim())
            .isEqualTo("spring_test");
    }

    @SpringBootConfiguration
    static class NoBeans {

    }

}
