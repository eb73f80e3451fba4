package io.tienda.platform.web;

import io.tienda.platform.core.TextRules;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request field that may hold paragraphs ({@link TextRules#isMultiLine}): what
 * {@code @Pattern(regexp = TextRules.SINGLE_LINE_PATTERN)} is to a one-line field, for a text with line
 * breaks. Null passes, as with every constraint but {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = MultiLineText.Check.class)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.ANNOTATION_TYPE, ElementType.CONSTRUCTOR,
        ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface MultiLineText {

    String message() default TextRules.MULTI_LINE_MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks a {@link MultiLineText} field. */
    class Check implements ConstraintValidator<MultiLineText, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return TextRules.isMultiLine(value);
        }
    }
}
