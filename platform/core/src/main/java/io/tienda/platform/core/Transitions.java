package io.tienda.platform.core;

import io.tienda.platform.problem.IllegalTransitionException;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The moves an aggregate's status may make, declared once next to the status enum, so that every
 * aggregate guards its transitions the same way:
 *
 * <pre>{@code
 * static final Transitions<OrderStatus> MOVES = Transitions.of(OrderStatus.class)
 *         .allow(PENDING, CONFIRMED, REJECTED, CANCELLED)
 *         .allow(CONFIRMED, SHIPPED, CANCELLED)
 *         .allow(SHIPPED, DELIVERED);
 * }</pre>
 *
 * An aggregate method calls {@link #require} before it changes state; an illegal move is an
 * {@link IllegalTransitionException}, which clients see as a 409 problem.
 */
public final class Transitions<S extends Enum<S>> {

    private final Class<S> type;
    private final Map<S, Set<S>> allowed;

    private Transitions(Class<S> type, Map<S, Set<S>> allowed) {
        this.type = type;
        this.allowed = allowed;
    }

    public static <S extends Enum<S>> Transitions<S> of(Class<S> type) {
        return new Transitions<>(type, new EnumMap<>(type));
    }

    /** A copy that also allows {@code from} to move to each of {@code to}. */
    @SafeVarargs
    public final Transitions<S> allow(S from, S... to) {
        Map<S, Set<S>> more = new EnumMap<>(type);
        allowed.forEach((state, targets) -> more.put(state, EnumSet.copyOf(targets)));
        Set<S> targets = more.computeIfAbsent(from, state -> EnumSet.noneOf(type));
        Collections.addAll(targets, to);
        return new Transitions<>(type, more);
    }

    public boolean allows(S from, S to) {
        return allowed.getOrDefault(from, Set.of()).contains(to);
    }

    /** Whether no move leaves {@code state}. */
    public boolean isFinal(S state) {
        return allowed.getOrDefault(state, Set.of()).isEmpty();
    }

    /**
     * Refuses a move the declaration does not allow.
     *
     * @param what names the aggregate in the message, e.g. {@code "order 42"}
     */
    public void require(String what, S from, S to) {
        if (!allows(from, to)) {
            throw new IllegalTransitionException(what, from.name(), to.name());
        }
    }
}
