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

    /**
     * Where a secret variable ({@code TemplateCatalog.secrets}: the verification and reset links, whose token
     * lets whoever reads it verify the address or set the account's password) may stand, so that not even an
     * administrator's template sends it anywhere by mistake: only as the whole {@code th:href} of an {@code <a>},
     * which takes it where it points when its reader clicks, or as the whole of a {@code th:text} or
     * {@code [[...]]} (in the text part, which is not HTML, also {@code th:utext} and {@code [(...)]}), which
     * shows it. Joined to other text it can point anywhere; in another attribute (a stylesheet's {@code th:href},
     * {@code th:if}), inside a form field, a style or a script, or in a comment (some clients read conditional
     * comments), it can be fetched or submitted without its reader choosing to; in the subject it would stay in
     * the history.
     */
    static final String SECRET_MISPLACED = "the secret link may only be the whole th:href of an <a> or the whole"
            + " of a th:text or [[...]] outside form fields, styles and scripts";
    static final String SECRET_IN_SUBJECT = "the secret link may not be in the subject, which the history keeps";

    /** Elements whose text can leave the mail unasked: a form field's value, a style's or script's URLs. */
    static final Set<String> ELEMENTS_THAT_SEND_THEIR_TEXT = Set.of("textarea", "option", "style", "script");

    /**
     * The secret variables of the template being rendered, and whether the part is the subject. The renderer
     * puts them into the rendering context under {@link #VARIABLE}, which is not a variable name, so no
     * template can read it and no variable of a message can take its place.
     */
    record Secrets(Set<String> names, boolean subject) {

        static final String VARIABLE = "tienda:secrets";
    }

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

    /**
     * True when {@code text} names one of {@code secrets} as a variable, {@code ${name}}, anywhere, a text
     * literal included: the same look-up {@code ${name}} is when rendered, so spacing inside the braces does not
     * hide it. Linear in the length of {@code text}.
     */
    static boolean mentions(String text, Set<String> secrets) {
        int from = 0;
        while (true) {
            int end = text.indexOf('}', from);
            if (end < 0) {
                return false;
            }
            // Only the last ${ before the brace can hold a name: an earlier one holds that ${ as well.
            for (int start = end - 2; start >= from; start--) {
                if (text.charAt(start) == '$' && text.charAt(start + 1) == '{') {
                    if (secrets.contains(text.substring(start + 2, end).strip())) {
                        return true;
                    }
                    break;
                }
            }
            from = end + 1;
        }
    }

    /** True when {@code expression} is one of {@code secrets} and nothing else: {@code ${name}}. */
    static boolean isSecret(String expression, Set<String> secrets) {
        String whole = expression.strip();
        return whole.startsWith("${") && whole.endsWith("}") && whole.indexOf('}') == whole.length() - 1
                && secrets.contains(whole.substring(2, whole.length() - 1).strip());
    }

    /**
     * The first inlined expression, {@code [[...]]} or {@code [(...)]}, in {@code text} that mentions one of
     * {@code secrets}, or null. For the text Thymeleaf inlines itself rather than turning into elements (in
     * comments and CDATA sections, say), where no secret may stand. Linear in the length of {@code text}.
     */
    static String inlinedSecret(String text, Set<String> secrets) {
        for (String[] marks : new String[][] {{"[[", "]]"}, {"[(", ")]"}}) {
            int from = 0;
            while (true) {
                int start = text.indexOf(marks[0], from);
                int end = start < 0 ? -1 : text.indexOf(marks[1], start + 2);
                if (end < 0) {
                    break;
                }
                // Every opening up to the closing ends there too: the first one's span holds theirs.
                String inlined = text.substring(start, end + 2);
                if (mentions(inlined, secrets)) {
                    return shown(inlined);
                }
                from = end + 2;
            }
        }
        return null;
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
