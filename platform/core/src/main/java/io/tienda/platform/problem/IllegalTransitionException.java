package io.tienda.platform.problem;

import java.net.URI;
import java.util.Map;

/**
 * An aggregate was asked to make a move its state does not allow: shipping a cancelled order,
 * refunding a voided payment. A 409 with its own type, so that a client can tell "the state moved
 * on" from other conflicts, and with the current state for the client to show.
 */
public class IllegalTransitionException extends DomainException {

    public static final URI TYPE = URI.create(ProblemType.BASE + "illegal-transition");

    public IllegalTransitionException(String what, String from, String to) {
        super(409, TYPE, "The resource's state does not allow this",
                what + " is " + from + " and cannot become " + to, Map.of("state", from));
    }
}
