package io.tienda.platform.testing.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A ClickHouse server, reached over its HTTP interface. */
public interface ClickHouseServer extends Server {

    /** The HTTP endpoint, e.g. {@code http://localhost:8123}, the value of {@code tienda.clickhouse.url}. */
    String url();

    String username();

    String password();

    /** Creates {@code database} unless it exists. */
    default void ensureDatabase(String database) {
        execute("CREATE DATABASE IF NOT EXISTS " + Names.database(database));
    }

    /** Runs one statement over HTTP and answers the response body; fails on any error the server reports. */
    default String execute(String sql) {
        String credentials = Base64.getEncoder()
            .encodeToString((username() + ":" + password()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/"))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Basic " + credentials)
            .POST(HttpRequest.BodyPublishers.ofString(sql, StandardCharsets.UTF_8))
            .build();
        try {
            HttpResponse<String> response = Http.CLIENT.send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "ClickHouse answered " + response.statusCode() + " to [" + sql + "]: " + response.body());
            }
            return response.body();
        }
        catch (IOException ex) {
            throw new IllegalStateException("ClickHouse at " + url() + " is unreachable", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while talking to ClickHouse", ex);
        }
    }

}
