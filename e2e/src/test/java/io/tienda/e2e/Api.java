package io.tienda.e2e;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small HTTP client for talking to the fleet through the gateway as a shopper's app would. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    public Api(URI base) {
        this.base = base;
    }

    public static Api gateway() {
        return new Api(Fleet.gateway());
    }

    public Call get(String path) {
        return new Call(this, "GET", path, null);
    }

    public Call post(String path, String body) {
        return new Call(this, "POST", path, body);
    }

    public Call method(String method, String path, String body) {
        return new Call(this, method, path, body);
    }

    /** A request being built; {@link #send()} performs it. */
    public static final class Call {

        private final Api api;
        private final String method;
        private final String path;
        private final String body;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Call(Api api, String method, String path, String body) {
            this.api = api;
            this.method = method;
            this.path = path;
            this.body = body;
            if (body != null) {
                headers.put("Content-Type", "application/json");
            }
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Call bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        public Reply send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(api.base.resolve(path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(request::header);
            try {
                HttpResponse<String> response = api.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Reply(response.statusCode(), response.headers().map(), response.body());
            } catch (IOException e) {
                throw new IllegalStateException(method + " " + path + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public record Reply(int status, Map<String, java.util.List<String>> headers, String body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst().map(e -> e.getValue().get(0)).orElse(null);
        }

        public boolean isProblem() {
            String type = header("Content-Type");
            return type != null && type.startsWith("application/problem+json");
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }
}
