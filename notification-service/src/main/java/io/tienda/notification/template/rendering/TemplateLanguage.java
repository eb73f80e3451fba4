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

    /** The {@code th:} attributes a template may use in its subject and text parts. */
    static final Set<String> ATTRIBUTES = Set.of("text", "utext", "href", "if", "unless");

    /**
     * The {@code th:} attributes the HTML part may use: no {@code th:utext}, and no {@code [(...)]} either. Every
     * variable a message gets is text, much of it typed by customers (names, ticket replies, reasons, notes),
     * and none is HTML the service produced itself, so the HTML part only ever outputs it escaped.
     */
    static final Set<String> HTML_ATTRIBUTES = Set.of("text", "href", "if", "unless");

    static final String UNESCAPED_IN_HTML = "unescaped output (th:utext, [(...)]) is not allowed in the HTML part;"
            + " use th:text or [[...]]";

    /** Characters of output per rendered part (subject, html or text). */
    static final int MAX_OUTPUT = 1_000_000;

    /**
     * Operands and characters of one expression. Thymeleaf's own expression parser recurses once per
     * operator (a few thousand {@code 'a' + 'a' + …} overflow its stack, and take seconds), so it only ever
     * sees expressions within these bounds; the shipped templates' longest has two operands.
     */
    static final int MAX_OPERANDS = 16;
    static final int MAX_EXPRESSION_LENGTH = 1_000;

    /**
     * Nesting of elements and attributes of one element in the HTML part. Thymeleaf's HTML parsing takes time
     * quadratic in both (some 15 s for 30,000 nested elements, which fit in the part's 100,000 characters), so
     * the part is checked first, in linear time, counting generously: every opening tag that is not void or
     * self-closed nests until a closing tag of its name closes it while it is innermost, and tags count
     * inside comments too (Thymeleaf parses the inside of its parser-level comment blocks as markup).
     */
    static final int MAX_HTML_DEPTH = 200;
    static final int MAX_HTML_ATTRIBUTES = 100;

    private static final Set<String> VOID_ELEMENTS = Set.of("area", "base", "br", "col", "embed", "hr", "img",
            "input", "link", "meta", "param", "source", "track", "wbr");

    /** How much of an offending expression a problem repeats. */
    private static final int SHOWN = 200;

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private TemplateLanguage() {
    }

    static boolean isVariableName(String name) {
        return NAME.matcher(name).matches();
    }

    /**
     * Checks an expression before Thymeleaf parses it, in time linear in its length.
     *
     * @throws Refused when it is more than operands joined by {@code ?:} and {@code +}, or too long
     */
    static void require(String expression) {
        if (expression.length() > MAX_EXPRESSION_LENGTH) {
            throw new Refused(shown(expression), "an expression may have at most " + MAX_EXPRESSION_LENGTH
                    + " characters");
        }
        if (expression.contains("__")) {
            throw new Refused(shown(expression), "preprocessing (__...__) is not allowed");
        }
        if (firstOutsideTheLanguage(expression) != null) {
            throw new Refused(shown(expression), "only ${variable}, 'text', ?: and + are allowed");
        }
        if (operands(expression) > MAX_OPERANDS) {
            throw new Refused(shown(expression), "an expression may have at most " + MAX_OPERANDS + " operands");
        }
    }

    /**
     * True when {@code expression} holds a {@code ${...}} whose inside is not even a well-formed expression:
     * a syntax error, reported as such rather than as a refusal. Only short insides are parsed (by SpEL's
     * parser, which evaluates nothing); a longer one is refused without being read.
     */
    static boolean hasBrokenVariable(String expression) {
        if (expression.length() > MAX_EXPRESSION_LENGTH) {
            return false;
        }
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

    /**
     * Checks the HTML part's shape before Thymeleaf parses it.
     *
     * @throws Refused when elements nest deeper than {@link #MAX_HTML_DEPTH} or an element has more than
     *                 {@link #MAX_HTML_ATTRIBUTES} attributes
     */
    static void requireShallowHtml(String html) {
        java.util.ArrayDeque<String> open = new java.util.ArrayDeque<>();
        int length = html.length();
        int at = 0;
        while (at < length) {
            int lt = html.indexOf('<', at);
            if (lt < 0 || lt + 1 >= length) {
                return;
            }
            boolean closing = html.charAt(lt + 1) == '/';
            int nameStart = closing ? lt + 2 : lt + 1;
            if (nameStart >= length || !Character.isLetter(html.charAt(nameStart))) {
                at = lt + 1;
                continue;
            }
            int nameEnd = nameStart;
            while (nameEnd < length && !Character.isWhitespace(html.charAt(nameEnd)) && html.charAt(nameEnd) != '>'
                    && html.charAt(nameEnd) != '/') {
                nameEnd++;
            }
            String name = html.substring(nameStart, nameEnd).toLowerCase(java.util.Locale.ROOT);
            // To the tag's end, outside quoted values, counting the attributes (every word, generously).
            int attributes = 0;
            char quote = 0;
            boolean inWord = false;
            int end = nameEnd;
            for (; end < length; end++) {
                char c = html.charAt(end);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '>') {
                    break;
                } else if (Character.isWhitespace(c)) {
                    inWord = false;
                } else if (!inWord) {
                    inWord = true;
                    attributes++;
                }
            }
            if (attributes > MAX_HTML_ATTRIBUTES) {
                throw new Refused(shown(html.substring(lt, Math.min(end + 1, length))),
                        "an element may have at most " + MAX_HTML_ATTRIBUTES + " attributes");
            }
            if (closing) {
                if (name.equals(open.peek())) {
                    open.pop();
                }
            } else if (!VOID_ELEMENTS.contains(name) && !(end < length && html.charAt(end - 1) == '/')) {
                open.push(name);
                if (open.size() > MAX_HTML_DEPTH) {
                    throw new Refused(shown(html.substring(lt, Math.min(end + 1, length))),
                            "elements may nest at most " + MAX_HTML_DEPTH + " deep");
                }
            }
            at = end + 1;
        }
    }

    /** How many operands an expression inside the language has. */
    private static int operands(String expression) {
        int count = 1;
        boolean literal = false;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (literal && c == '\\') {
                i++;
            } else if (c == '\'') {
                literal = !literal;
            } else if (!literal && (c == '+' || c == ':')) {
                count++;
            }
        }
        return count;
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
