package io.tienda.returns.requests.domain;

import io.tienda.platform.problem.DomainException;
import io.tienda.platform.problem.ProblemType;

import java.net.URI;
import java.util.Map;

/**
 * A return that cannot be accepted as asked: {@code 422 return-not-allowed} naming the field at fault
 * (e.g. {@code lines[MUG-1].quantity}).
 */
public class InvalidReturnException extends DomainException {

    public static final URI TYPE = URI.create(ProblemType.BASE + "return-not-allowed");

    public InvalidReturnException(String field, String detail) {
        super(422, TYPE, "The return is not allowed", field + ": " + detail, Map.of("field", field));
    }
}
