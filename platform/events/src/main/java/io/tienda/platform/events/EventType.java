package io.tienda.platform.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the contract a record is published under. The name is what travels in the {@code type}
 * header and selects the JSON Schema ({@code schemas/<name>.schema.json}); the version only ever
 * grows, and only with additive changes, so consumers written against an older version keep working.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    String value();

    int version() default 1;
}
