package io.tienda.analytics.clickhouse;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.insert.InsertResponse;
import com.clickhouse.client.api.query.QueryResponse;
import com.clickhouse.data.ClickHouseFormat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The service's way into ClickHouse, written so the same calls work on the 18.16 server of the
 * tests and on current releases: every table name is qualified with the database (18.16 ignores
 * the client's default-database header), every read names its format in the SQL ({@code FORMAT
 * JSONEachRow}; 18.16 ignores the format header too), and rows go in as JSONEachRow.
 */
public class ClickHouse {

    private final Client client;
    private final JsonMapper json;
    private final String database;
    private final Duration timeout;

    public ClickHouse(Client client, JsonMapper json, ClickHouseProperties properties) {
        this.client = client;
        this.json = json;
        this.database = properties.database();
        this.timeout = properties.timeout();
    }

    /** The database name, for qualifying tables: {@code database() + ".sales"}. */
    public String database() {
        return database;
    }

    /** Runs a statement that answers nothing worth reading (DDL). */
    public void execute(String sql) {
        try (QueryResponse ignored = await(client.query(sql))) {
            // the statement ran once the response arrived
        } catch (Exception e) {
            throw failure(sql, e);
        }
    }

    /** Runs a query that ends with {@code FORMAT JSONEachRow} and answers its rows. */
    public List<JsonNode> rows(String sql) {
        if (!sql.stripTrailing().endsWith("FORMAT JSONEachRow")) {
            throw new IllegalArgumentException("queries must end with FORMAT JSONEachRow: " + sql);
        }
        try (QueryResponse response = await(client.query(sql))) {
            String body = new String(response.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            List<JsonNode> rows = new ArrayList<>();
            for (String line : body.split("\n")) {
                if (!line.isBlank()) {
                    rows.add(json.readTree(line));
                }
            }
            return rows;
        } catch (Exception e) {
            throw failure(sql, e);
        }
    }

    /** Inserts the rows (objects Jackson can write, named like the columns) into {@code table} of the database. */
    public void insert(String table, List<?> rows) {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder body = new StringBuilder();
        for (Object row : rows) {
            body.append(json.writeValueAsString(row)).append('\n');
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        String qualified = database + "." + table;
        try (InsertResponse ignored = await(client.insert(qualified, new ByteArrayInputStream(bytes),
                ClickHouseFormat.JSONEachRow))) {
            // written once the response arrived
        } catch (Exception e) {
            throw failure("INSERT INTO " + qualified, e);
        }
    }

    /**
     * A 64-bit integer of a JSON row. ClickHouse quotes 64-bit integers in JSON by default (they do
     * not fit a JavaScript number), so the value is a number or a numeric string.
     */
    public static long longValue(JsonNode value) {
        if (value == null || value.isNull()) {
            return 0;
        }
        return value.isNumber() ? value.longValue() : Long.parseLong(value.asString());
    }

    /** Whether the server answers its ping endpoint within {@code within}. */
    public boolean ping(Duration within) {
        return client.ping(within.toMillis());
    }

    private <T> T await(Future<T> future) throws InterruptedException, ExecutionException, TimeoutException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw e;
        }
    }

    private static ClickHouseException failure(String sql, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof IOException io) {
            cause = new UncheckedIOException(io);
        }
        return new ClickHouseException("ClickHouse failed on [" + abbreviate(sql) + "]: " + cause.getMessage(), cause);
    }

    private static String abbreviate(String sql) {
        String line = sql.replaceAll("\\s+", " ").strip();
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    /** ClickHouse could not be reached or refused a statement. */
    public static class ClickHouseException extends RuntimeException {

        ClickHouseException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
