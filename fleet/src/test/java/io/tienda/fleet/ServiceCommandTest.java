package io.tienda.fleet;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceCommandTest {

    @TempDir
    Path root;

    private final JavaRuntime java25 = new JavaRuntime(Path.of("/jdk25/bin/java"), 25);

    private final JavaRuntime java17 = new JavaRuntime(Path.of("/jdk17/bin/java"), 17);

    @Test
    void pointsAPostgresServiceAtItsOwnDatabaseAndAtKafka() {
        ServiceSpec orders = Catalog.byName("order-service").orElseThrow();

        List<String> command = command(orders, java25);

        assertThat(command.subList(0, 2)).containsExactly("/jdk25/bin/java", "-Xms64m");
        assertThat(command).contains("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k")
            .containsSubsequence("-jar", root.resolve("order-service/target/order-service.jar").toString())
            .contains("--server.port=8003", "--spring.datasource.url=jdbc:postgresql://localhost:5432/orders",
                    "--spring.datasource.username=postgres", "--spring.kafka.bootstrap-servers=localhost:9092",
                    "--eureka.client.service-url.defaultZone=http://localhost:8761/eureka/",
                    "--management.endpoint.health.probes.enabled=true", "--spring.threads.virtual.enabled=true")
            .noneMatch(arg -> arg.startsWith("--spring.data.redis") || arg.startsWith("--spring.mongodb"));
    }

    @Test
    void runsTheGatewayWithTheFullJitAndAYoungGenerationForItsTrafficAndEveryServiceWithC1Only() {
        List<String> gateway = command(Catalog.byName("gateway").orElseThrow(), java25);
        assertThat(gateway)
            .contains("-XX:ReservedCodeCacheSize=96m", "-Xmx256m")
            .noneMatch(arg -> arg.startsWith("-XX:TieredStopAtLevel"));
        // later options win: the gateway's first heap and young generation replace the common -Xms64m
        assertThat(gateway).containsSubsequence("-Xms64m", "-Xms192m", "-Xmn128m", "-jar");
        assertThat(command(Catalog.byName("product-service").orElseThrow(), java25))
            .contains("-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=64m")
            .noneMatch(arg -> arg.startsWith("-Xmn"));
    }

    @Test
    void givesMongoRedisClickHouseAndMailOnlyToTheServicesThatUseThem() {
        assertThat(command(Catalog.byName("notification-service").orElseThrow(), java25)).contains(
                "--spring.mongodb.uri=mongodb://localhost:27017/notifications",
                "--spring.data.mongodb.uri=mongodb://localhost:27017/notifications", "--spring.mail.host=localhost",
                "--spring.mail.port=3025");
        assertThat(command(Catalog.byName("cart-service").orElseThrow(), java25))
            .contains("--spring.data.redis.host=localhost", "--spring.data.redis.port=6379");
        assertThat(command(Catalog.byName("analytics-service").orElseThrow(), java25)).contains(
                "--tienda.clickhouse.url=http://localhost:8123", "--tienda.clickhouse.database=analytics",
                "--tienda.clickhouse.username=default", "--tienda.clickhouse.password=");
    }

    @Test
    void discoveryGetsNoKafkaAndAnswersRegistrationsAtOnce() {
        List<String> command = command(Catalog.byName("discovery").orElseThrow(), java17);

        assertThat(command).contains("--server.port=8761", "--eureka.server.use-read-only-response-cache=false")
            .noneMatch(arg -> arg.startsWith("--spring.kafka"))
            .noneMatch(arg -> arg.startsWith("--spring.threads.virtual"));
    }

    @Test
    void appendsExtraJvmOptionsBeforeTheJar() {
        List<String> command = ServiceCommand.of(Catalog.byName("gateway").orElseThrow(), java25, Path.of("g.jar"), 8761,
                java.util.Map.of(), " -agentlib:jdwp=transport=dt_socket,server=y,address=5005  -Dx=y ");

        assertThat(command).containsSubsequence("-agentlib:jdwp=transport=dt_socket,server=y,address=5005", "-Dx=y",
                "-jar", "g.jar");
    }

    @Test
    void runsUserServiceWithTheDemoAccounts() {
        assertThat(command(Catalog.byName("user-service").orElseThrow(), java25))
            .contains("--tienda.users.demo-accounts.enabled=true");
        assertThat(command(Catalog.byName("order-service").orElseThrow(), java25))
            .noneMatch(arg -> arg.startsWith("--tienda.users"));
    }

    @Test
    void runsTheCatalogWithTheDemoProductsAndInventoryWithTheirStock() {
        assertThat(command(Catalog.byName("product-service").orElseThrow(), java25))
            .contains("--tienda.products.demo-catalog.enabled=true");
        assertThat(command(Catalog.byName("inventory-service").orElseThrow(), java25))
            .contains("--tienda.inventory.demo-stock.enabled=true");
        assertThat(command(Catalog.byName("cart-service").orElseThrow(), java25))
            .noneMatch(arg -> arg.contains("demo-"));
    }

    @Test
    void letsTheGatewayBelieveForwardedForFromThisMachineOnly() {
        assertThat(command(Catalog.byName("gateway").orElseThrow(), java25))
            .contains("--tienda.gateway.trusted-proxies=127.0.0.1/32,::1/128");
        assertThat(command(Catalog.byName("cart-service").orElseThrow(), java25))
            .noneMatch(arg -> arg.startsWith("--tienda.gateway"));
    }

    @Test
    void keepsTheGatewaysActuatorOffThePublicPortWhereTheLauncherProbesIt() {
        ServiceSpec gateway = Catalog.byName("gateway").orElseThrow();
        assertThat(gateway.managementPort()).isEqualTo(8081);
        assertThat(command(gateway, java25))
            .contains("--server.port=8080", "--management.server.port=8081");
        ServiceSpec orders = Catalog.byName("order-service").orElseThrow();
        assertThat(orders.managementPort()).isEqualTo(orders.port());
        assertThat(command(orders, java25))
            .noneMatch(arg -> arg.startsWith("--management.server.port"));
    }

    @Test
    void handsTheBootstrapAdminToUserServiceAloneAndNeverOnTheCommandLine() {
        Map<String, String> launcher = Map.of("PATH", "/usr/bin", "TIENDA_ADMIN_EMAIL", "boss@example.com",
                "TIENDA_ADMIN_PASSWORD", "s3cret-Pa55");
        ServiceSpec users = Catalog.byName("user-service").orElseThrow();

        assertThat(ServiceCommand.environment(users, launcher)).isEqualTo(launcher);
        for (ServiceSpec other : Catalog.ALL) {
            if (!other.equals(users)) {
                assertThat(ServiceCommand.environment(other, launcher)).as(other.name())
                    .containsEntry("PATH", "/usr/bin")
                    .doesNotContainKeys("TIENDA_ADMIN_EMAIL", "TIENDA_ADMIN_PASSWORD");
            }
            assertThat(command(other, java25)).noneMatch(arg -> arg.contains("s3cret") || arg.contains("ADMIN_"));
        }
    }

    @Test
    void passesNoBlankBootstrapAdminVariables() {
        Map<String, String> environment = ServiceCommand.environment(Catalog.byName("user-service").orElseThrow(),
                Map.of("TIENDA_ADMIN_EMAIL", " ", "TIENDA_ADMIN_PASSWORD", "", "HOME", "/root"));

        assertThat(environment).isEqualTo(Map.of("HOME", "/root"));
    }

    private List<String> command(ServiceSpec service, JavaRuntime java) {
        Infrastructure infrastructure = Infrastructure.create(new FleetPaths(root), InfraPorts.DEFAULT, true);
        return ServiceCommand.of(service, java, service.jar(root), 8761, infrastructure.propertiesFor(service), null);
    }

}
