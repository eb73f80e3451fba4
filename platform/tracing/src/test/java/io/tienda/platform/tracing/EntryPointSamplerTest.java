package io.tienda.platform.tracing;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EntryPointSamplerTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    /** What the services configure: follow the parent, sample every new trace (probability 1.0). */
    private final Sampler sampler = new EntryPointSampler(Sampler.parentBased(Sampler.alwaysOn()));

    @Test
    void aCallMadeOutsideAnyTraceStartsNone() {
        assertThat(decision(Context.root(), SpanKind.CLIENT)).isEqualTo(SamplingDecision.DROP);
    }

    @Test
    void workEnteringTheServiceStartsATraceAsConfigured() {
        assertThat(decision(Context.root(), SpanKind.SERVER)).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
        assertThat(decision(Context.root(), SpanKind.CONSUMER)).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
        // a message sent by background work, e.g. a saga's deadline: its consumers join its trace
        assertThat(decision(Context.root(), SpanKind.PRODUCER)).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
    }

    @Test
    void aCallInsideATraceFollowsItsParent() {
        assertThat(decision(parent(TraceFlags.getSampled()), SpanKind.CLIENT))
                .isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
        assertThat(decision(parent(TraceFlags.getDefault()), SpanKind.CLIENT)).isEqualTo(SamplingDecision.DROP);
    }

    @Test
    void theConfiguredSamplersDecisionStandsForEverythingElse() {
        Sampler never = new EntryPointSampler(Sampler.alwaysOff());
        assertThat(never.shouldSample(Context.root(), TRACE, "http get /api/v1/orders", SpanKind.SERVER,
                Attributes.empty(), List.of()).getDecision()).isEqualTo(SamplingDecision.DROP);
        assertThat(never.getDescription()).contains("AlwaysOffSampler");
    }

    private SamplingDecision decision(Context parent, SpanKind kind) {
        return sampler.shouldSample(parent, TRACE, "http put", kind, Attributes.empty(), List.of()).getDecision();
    }

    private static Context parent(TraceFlags flags) {
        SpanContext remote = SpanContext.createFromRemoteParent(TRACE, "00f067aa0ba902b7", flags, TraceState.getDefault());
        return Context.root().with(Span.wrap(remote));
    }
}
