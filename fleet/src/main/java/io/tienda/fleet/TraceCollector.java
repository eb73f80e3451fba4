package io.tienda.fleet;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tienda.platform.testing.infra.JsonHttpServer;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The local fleet's trace collector: the services export their sampled spans to it over OTLP/HTTP
 * (protobuf, as the OpenTelemetry exporter sends them), and people and system tests read whole
 * traces back as JSON. It stands where the OpenTelemetry Collector and a trace viewer stand in
 * docker-compose, and keeps only the newest {@value #CAPACITY} spans in the launcher's memory.
 * <ul>
 * <li>{@code POST /v1/traces} receives an {@code ExportTraceServiceRequest}</li>
 * <li>{@code GET /traces} lists the newest traces: id, services, span count, root span</li>
 * <li>{@code GET /traces/{traceId}} gives every span of one trace, oldest first</li>
 * </ul>
 */
final class TraceCollector implements AutoCloseable {

    static final int CAPACITY = 50_000;

    private static final int LISTED_TRACES = 50;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One received span, in the terms a reader of a trace needs. */
    record Span(String traceId, String spanId, String parentSpanId, String name, String kind, String service,
            long startNanos, long endNanos) {

        double durationMs() {
            return (endNanos - startNanos) / 1_000_000.0;
        }
    }

    private HttpServer server;

    private final Deque<Span> spans = new ArrayDeque<>();

    private TraceCollector() {
    }

    static TraceCollector start(int port) {
        TraceCollector collector = new TraceCollector();
        collector.server = JsonHttpServer.start(port, "trace-collector", collector::handle);
        return collector;
    }

    /** Where the services send their spans (the OTLP/HTTP traces endpoint). */
    String endpoint() {
        return "http://localhost:" + server.getAddress().getPort() + "/v1/traces";
    }

    @Override
    public void close() {
        server.stop(0);
    }

    synchronized void add(List<Span> received) {
        for (Span span : received) {
            if (spans.size() == CAPACITY) {
                spans.removeFirst();
            }
            spans.addLast(span);
        }
    }

    synchronized List<Span> trace(String traceId) {
        return spans.stream()
            .filter(span -> span.traceId().equals(traceId))
            .sorted(Comparator.comparingLong(Span::startNanos))
            .toList();
    }

    /** The newest traces first, each as its spans. */
    synchronized List<List<Span>> newestTraces(int max) {
        Map<String, List<Span>> byTrace = new LinkedHashMap<>();
        spans.descendingIterator().forEachRemaining(span -> {
            if (byTrace.size() < max || byTrace.containsKey(span.traceId())) {
                byTrace.computeIfAbsent(span.traceId(), id -> new ArrayList<>()).add(span);
            }
        });
        return byTrace.values().stream()
            .map(trace -> trace.stream().sorted(Comparator.comparingLong(Span::startNanos)).toList())
            .toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/v1/traces") && method.equals("POST")) {
                add(OtlpSpans.decode(body(exchange)));
                // An empty ExportTraceServiceResponse: everything was accepted.
                exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1);
            }
            else if (method.equals("GET") && (path.equals("/") || path.equals("/traces"))) {
                JsonHttpServer.respond(exchange, 200, tracesJson(newestTraces(LISTED_TRACES)));
            }
            else if (method.equals("GET") && path.startsWith("/traces/")) {
                String traceId = path.substring("/traces/".length());
                JsonHttpServer.respond(exchange, 200, spansJson(trace(traceId)));
            }
            else {
                JsonHttpServer.respond(exchange, 404, "{\"error\":\"not found; try GET /traces or GET /traces/{traceId}\"}");
            }
        }
        catch (RuntimeException ex) {
            JsonHttpServer.respond(exchange, 400, JSON.writeValueAsString(Map.of("error", String.valueOf(ex.getMessage()))));
        }
        finally {
            exchange.close();
        }
    }

    private static byte[] body(HttpExchange exchange) throws IOException {
        try (InputStream raw = exchange.getRequestBody()) {
            byte[] bytes = raw.readAllBytes();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                try (InputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                    return unzipped.readAllBytes();
                }
            }
            return bytes;
        }
    }

    static String tracesJson(List<List<Span>> traces) {
        List<Map<String, Object>> listed = new ArrayList<>();
        for (List<Span> trace : traces) {
            Span root = trace.stream().filter(span -> span.parentSpanId().isEmpty()).findFirst().orElse(trace.get(0));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("traceId", root.traceId());
            entry.put("root", root.service() + ": " + root.name());
            entry.put("start", instant(root.startNanos()));
            entry.put("spans", trace.size());
            entry.put("services", trace.stream().map(Span::service).distinct().toList());
            listed.add(entry);
        }
        return JSON.writeValueAsString(listed);
    }

    static String spansJson(List<Span> trace) {
        List<Map<String, Object>> listed = new ArrayList<>();
        for (Span span : trace) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("traceId", span.traceId());
            entry.put("spanId", span.spanId());
            entry.put("parentSpanId", span.parentSpanId().isEmpty() ? null : span.parentSpanId());
            entry.put("service", span.service());
            entry.put("name", span.name());
            entry.put("kind", span.kind());
            entry.put("start", instant(span.startNanos()));
            entry.put("durationMs", span.durationMs());
            listed.add(entry);
        }
        return JSON.writeValueAsString(listed);
    }

    private static String instant(long epochNanos) {
        return Instant.ofEpochSecond(0, epochNanos).toString();
    }

    /**
     * Reads the few fields of an OTLP {@code ExportTraceServiceRequest} (opentelemetry-proto,
     * trace/v1) that a trace view needs, straight from the protobuf wire format: resource_spans(1) →
     * resource(1) → attributes(1) for {@code service.name}, and scope_spans(2) → spans(2) →
     * trace_id(1), span_id(2), parent_span_id(4), name(5), kind(6), start(7) and end(8) times.
     */
    static final class OtlpSpans {

        private static final String[] KINDS = {"UNSPECIFIED", "INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER"};

        private OtlpSpans() {
        }

        static List<Span> decode(byte[] request) {
            List<Span> spans = new ArrayList<>();
            Wire wire = new Wire(request, 0, request.length);
            while (wire.more()) {
                int field = wire.tag();
                if (field == 1) {
                    resourceSpans(wire.message(), spans);
                }
                else {
                    wire.skip();
                }
            }
            return spans;
        }

        private static void resourceSpans(Wire wire, List<Span> spans) {
            String service = "unknown";
            List<Wire> scopes = new ArrayList<>();
            while (wire.more()) {
                int field = wire.tag();
                if (field == 1) {
                    service = serviceName(wire.message(), service);
                }
                else if (field == 2) {
                    scopes.add(wire.message());
                }
                else {
                    wire.skip();
                }
            }
            for (Wire scope : scopes) {
                while (scope.more()) {
                    if (scope.tag() == 2) {
                        spans.add(span(scope.message(), service));
                    }
                    else {
                        scope.skip();
                    }
                }
            }
        }

        private static String serviceName(Wire resource, String fallback) {
            String name = fallback;
            while (resource.more()) {
                if (resource.tag() != 1) {
                    resource.skip();
                    continue;
                }
                Wire attribute = resource.message();
                String key = null;
                String value = null;
                while (attribute.more()) {
                    int field = attribute.tag();
                    if (field == 1) {
                        key = attribute.string();
                    }
                    else if (field == 2) {
                        Wire any = attribute.message();
                        while (any.more()) {
                            if (any.tag() == 1) {
                                value = any.string();
                            }
                            else {
                                any.skip();
                            }
                        }
                    }
                    else {
                        attribute.skip();
                    }
                }
                if ("service.name".equals(key) && value != null) {
                    name = value;
                }
            }
            return name;
        }

        private static Span span(Wire wire, String service) {
            String traceId = "";
            String spanId = "";
            String parent = "";
            String name = "";
            String kind = KINDS[0];
            long start = 0;
            long end = 0;
            while (wire.more()) {
                switch (wire.tag()) {
                    case 1 -> traceId = HexFormat.of().formatHex(wire.bytes());
                    case 2 -> spanId = HexFormat.of().formatHex(wire.bytes());
                    case 4 -> parent = HexFormat.of().formatHex(wire.bytes());
                    case 5 -> name = wire.string();
                    case 6 -> {
                        long value = wire.varint();
                        kind = value >= 0 && value < KINDS.length ? KINDS[(int) value] : String.valueOf(value);
                    }
                    case 7 -> start = wire.fixed64();
                    case 8 -> end = wire.fixed64();
                    default -> wire.skip();
                }
            }
            return new Span(traceId, spanId, parent, name, kind, service, start, end);
        }
    }

    /** A cursor over protobuf wire format: tags, varints, fixed64 and length-delimited fields. */
    static final class Wire {

        private final byte[] data;

        private int position;

        private final int limit;

        private int wireType;

        Wire(byte[] data, int offset, int limit) {
            this.data = data;
            this.position = offset;
            this.limit = limit;
        }

        boolean more() {
            return position < limit;
        }

        /** The next field's number; its wire type is kept for the read that follows. */
        int tag() {
            long key = varint();
            wireType = (int) (key & 7);
            return (int) (key >>> 3);
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = next();
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("malformed varint");
        }

        long fixed64() {
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value |= (long) (next() & 0xFF) << (8 * i);
            }
            return value;
        }

        Wire message() {
            int length = length();
            Wire inner = new Wire(data, position, position + length);
            position += length;
            return inner;
        }

        byte[] bytes() {
            int length = length();
            byte[] bytes = java.util.Arrays.copyOfRange(data, position, position + length);
            position += length;
            return bytes;
        }

        String string() {
            int length = length();
            String text = new String(data, position, length, StandardCharsets.UTF_8);
            position += length;
            return text;
        }

        void skip() {
            switch (wireType) {
                case 0 -> varint();
                case 1 -> advance(8);
                case 2 -> advance(length());
                case 5 -> advance(4);
                default -> throw new IllegalArgumentException("unsupported protobuf wire type " + wireType);
            }
        }

        private int length() {
            long length = varint();
            if (length < 0 || position + length > limit) {
                throw new IllegalArgumentException("truncated protobuf message");
            }
            return (int) length;
        }

        private void advance(int bytes) {
            if (position + bytes > limit) {
                throw new IllegalArgumentException("truncated protobuf message");
            }
            position += bytes;
        }

        private byte next() {
            if (position >= limit) {
                throw new IllegalArgumentException("truncated protobuf message");
            }
            return data[position++];
        }
    }
}
