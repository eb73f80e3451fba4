package io.tienda.returns.requests.domain;

/**
 * What an order's returns that still stand (neither rejected nor cancelled) hold of one of its lines: their
 * units, and what those units were priced at when each return was created ({@link ReturnLine#paid}).
 */
public record HeldUnits(int units, long paid) {

    public static final HeldUnits NONE = new HeldUnits(0, 0);
}
