package io.tienda.platform.tracing;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;

import java.util.List;

/**
 * A trace starts where work enters the fleet: a request a service serves, a message it consumes.
 * An outgoing call made outside any of these (the discovery client's heartbeat and registry fetch,
 * every few seconds in every service) would start a trace of one client span each; it is not sampled.
 * Everything else is left to the configured sampler, so a call inside a request's or a message's
 * trace is sampled with it, and metrics are not affected at all.
 */
final class EntryPointSampler implements Sampler {

    private final Sampler delegate;

    EntryPointSampler(Sampler delegate) {
        this.delegate = delegate;
    }

    @Override
    public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
            Attributes attributes, List<LinkData> parentLinks) {
        if (spanKind == SpanKind.CLIENT && !Span.fromContext(parentContext).getSpanContext().isValid()) {
            return SamplingResult.drop();
        }
        return delegate.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
    }

    @Override
    public String getDescription() {
        return "EntryPointSampler{" + delegate.getDescription() + "}";
    }
}
