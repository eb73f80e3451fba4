package io.tienda.fleet;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The local trace collector against the OpenTelemetry exporter the services use, over real HTTP. */
class TraceCollectorTest {

    private final TraceCollector collector = TraceCollector.start(0);

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        collector.close();
    }

    @Test
    void keepsWhatTheExporterSendsAndGivesOneTraceBackAcrossServices() throws Exception {
        String traceId;
        String gatewaySpan;
        try (SdkTracerProvider gateway = provider("gateway"); SdkTracerProvider consumer = provider("inventory-service")) {
            Tracer gatewayTracer = gateway.get("test");
            Span request = gatewayTracer.spanBuilder("http get /api/v1/orders").setSpanKind(SpanKind.SERVER).startSpan();
            traceId = request.getSpanContext().getTraceId();
            gatewaySpan = request.getSpanContext().getSpanId();
            try (Scope ignored = request.makeCurrent()) {
                consumer.get("test").spanBuilder("order.events receive").setSpanKind(SpanKind.CONSUMER).startSpan().end();
            }
            request.end();
            gateway.forceFlush().join(10, TimeUnit.SECONDS);
            consumer.forceFlush().join(10, TimeUnit.SECONDS);
        }

        JsonNode spans = get("/traces/" + traceId);

        assertThat(spans).hasSize(2);
        JsonNode root = spans.get(0);
        assertThat(root.get("service").asString()).isEqualTo("gateway");
        assertThat(root.get("name").asString()).isEqualTo("http get /api/v1/orders");
        assertThat(root.get("kind").asString()).isEqualTo("SERVER");
        assertThat(root.get("parentSpanId").isNull()).isTrue();
        assertThat(root.get("durationMs").asDouble()).isGreaterThanOrEqualTo(0);
        JsonNode child = spans.get(1);
        assertThat(child.get("service").asString()).isEqualTo("inventory-service");
        assertThat(child.get("kind").asString()).isEqualTo("CONSUMER");
        assertThat(child.get("parentSpanId").asString()).isEqualTo(gatewaySpan);
        assertThat(child.get("traceId").asString()).isEqualTo(traceId);

        JsonNode listed = get("/traces");
        assertThat(listed.get(0).get("traceId").asString()).isEqualTo(traceId);
        assertThat(listed.get(0).get("spans").asInt()).isEqualTo(2);
        assertThat(listed.get(0).get("services").valueStream().map(JsonNode::asString))
            .containsExactlyInAnyOrder("gateway", "inventory-service");
    }

    @Test
    void answersAnUnknownTraceWithNoSpansAndGarbageWith400() throws Exception {
        assertThat(get("/traces/0123456789abcdef0123456789abcdef")).isEmpty();

        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(collector.endpoint()))
            .header("Content-Type", "application/x-protobuf")
            .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {0x0a, 0x7f, 0x01}))
            .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("truncated");
        assertThat(get("/traces")).isEmpty();
    }

    @Test
    void keepsOnlyTheNewestSpans() {
        for (int i = 0; i < TraceCollector.CAPACITY + 10; i++) {
            collector.add(List.of(new TraceCollector.Span("t" + i, "s", "", "n", "SERVER", "svc", i, i + 1)));
        }

        assertThat(collector.trace("t0")).isEmpty();
        assertThat(collector.trace("t" + (TraceCollector.CAPACITY + 9))).hasSize(1);
        assertThat(collector.newestTraces(3)).extracting(trace -> trace.get(0).traceId())
            .containsExactly("t" + (TraceCollector.CAPACITY + 9), "t" + (TraceCollector.CAPACITY + 8),
                    "t" + (TraceCollector.CAPACITY + 7));
    }

    private SdkTracerProvider provider(String service) {
        return SdkTracerProvider.builder()
            .setResource(Resource.getDefault().merge(Resource.create(Attributes.builder()
                .put("service.name", service).build())))
            .addSpanProcessor(SimpleSpanProcessor.create(OtlpHttpSpanExporter.builder()
                .setEndpoint(collector.endpoint())
                .build()))
            .build();
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        URI uri = URI.create(collector.endpoint()).resolve(path);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body());
    }
}
