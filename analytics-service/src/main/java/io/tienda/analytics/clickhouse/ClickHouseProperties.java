package io.tienda.analytics.clickhouse;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Where the analytics store is.
 *
 * @param url      the HTTP interface, e.g. {@code http://localhost:8123}
 * @param database the service's database, created at start when missing
 * @param username the ClickHouse user
 * @param password its password, from the environment
 * @param timeout  how long one statement may take before the caller gives up
 */
@ConfigurationProperties("tienda.clickhouse")
public record ClickHouseProperties(URI url, String database, String username, String password, Duration timeout) {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    public ClickHouseProperties {
        url = url == null ? URI.create("http://localhost:8123") : url;
        database = database == null ? "analytics" : database;
        username = username == null ? "default" : username;
        password = password == null ? "" : password;
        timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
        // the name is written into SQL, so it must be a plain identifier
        if (!IDENTIFIER.matcher(database).matches()) {
            throw new IllegalArgumentException("tienda.clickhouse.database must be a plain identifier: " + database);
        }
    }
}
