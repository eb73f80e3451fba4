package io.tienda.notification.template.rendering;

import org.springframework.expression.ParseException;
import org.springframework.expression.spel.standard.SpelExpressionParser;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a template may say, and nothing more, so that rendering costs time and memory in proportion to the
 * template and its variables, whoever wrote it.
 *
 * <p>An expression (a {@code th:} attribute's value, or what stands inside {@code [[...]]} / {@code [(...)]})
 * is one or more operands joined by {@code ?:} (the value on the left, else the one on the right) or
 * {@code +} (one after the other). An operand is a variable, {@code ${name}}, or a text literal,
 * {@code 'text'}. Nothing else: no method or property access, no operators, no utility objects
 * ({@code #strings}, {@code #numbers}), no links, messages, fragments or preprocessing.
 *
 * <p>The {@code th:} attributes allowed are {@link #ATTRIBUTES}; loops ({@code th:each}), local variables
 * ({@code th:with}), inclusions ({@code th:insert}, {@code th:replace}) and the rest are refused.
 */
final class TemplateLanguage {

    /** The {@code th:} attributes a template may use. */
    static final Set<String> ATTRIBUTES = Set.of("text", "utext", "href", "if", "unless");

    /** Characters of output per rendered part (subject, html or text). */
    static final int MAX_OUTPUT = 1_000_000;

    /** How much of an offending expression a problem repeats. */
    private static final int SHOWN = 200;

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private TemplateLanguage() {
    }

    static boolean isVariableName(String name) {
        return NAME.matcher(name).matches();
    }

    /**
     * Checks an expression before Thymeleaf evaluates it.
     *
     * @throws Refused when it is more than operands joined by {@code ?:} and {@code +}
     */
    static void require(String expression) {
        if (expression.contains("__")) {
            throw new Refused(shown(expression), "preprocessing (__...__) is not allowed");
        }
        String wrong = firstOutsideTheLanguage(expression);
        if (wrong != null) {
            throw new Refused(shown(expression), "only ${variable}, 'text', ?: and + are allowed");
        }
    }

    /**
     * True when {@code expression} holds a {@code ${...}} whose inside is not even a well-formed expression:
     * a syntax error, reported as such rather than as a refusal.
     */
    static boolean hasBrokenVariable(String expression) {
        int from = 0;
        while (true) {
            int start = expression.indexOf("${", from);
            if (start < 0) {
                return false;
            }
            int end = expression.indexOf('}', start + 2);
            if (end < 0) {
                return true;
            }
            String inside = expression.substring(start + 2, end);
            if (!isVariableName(inside.strip())) {
                try {
                    new SpelExpressionParser().parseRaw(inside);
                } catch (ParseException | IllegalStateException e) {
                    return true;
                }
            }
            from = end + 1;
        }
    }

    static String shown(String expression) {
        String flat = expression.strip();
        return flat.length() > SHOWN ? flat.substring(0, SHOWN) + "…" : flat;
    }

    /** The first part of {@code expression} outside the language, or null when all of it is inside. */
    static String firstOutsideTheLanguage(String expression) {
        int at = 0;
        int length = expression.length();
        boolean operand = true;
        while (true) {
            at = skipSpace(expression, at);
            if (at >= length) {
                return operand ? expression : null;
            }
            if (operand) {
                int end = operandEnd(expression, at);
                if (end < 0) {
                    return expression.substring(at);
                }
                at = end;
                operand = false;
            } else if (expression.startsWith("?:", at)) {
                at += 2;
                operand = true;
            } else if (expression.charAt(at) == '+') {
                at += 1;
                operand = true;
            } else {
                return expression.substring(at);
            }
        }
    }

    /** Where the operand starting at {@code at} ends, or -1 when none starts there. */
    private static int operandEnd(String expression, int at) {
        if (expression.startsWith("${", at)) {
            int close = expression.indexOf('}', at + 2);
            if (close < 0 || !isVariableName(expression.substring(at + 2, close).strip())) {
                return -1;
            }
            return close + 1;
        }
        if (expression.charAt(at) == '\'') {
            for (int i = at + 1; i < expression.length(); i++) {
                char c = expression.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '\'') {
                    return i + 1;
                }
            }
        }
        return -1;
    }

    private static int skipSpace(String expression, int at) {
        while (at < expression.length() && Character.isWhitespace(expression.charAt(at))) {
            at++;
        }
        return at;
    }
}
