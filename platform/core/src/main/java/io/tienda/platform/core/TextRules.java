package io.tienda.platform.core;

import java.util.regex.Pattern;

/**
 * What free text a client sends may hold, decided here once for the fleet. There are two rules, because
 * text is used in two ways:
 *
 * <ul>
 *   <li>Text that only looks something up (a query parameter: search words, filter names and values)
 *       must have no control character, {@link #hasControlCharacter}. It reaches a store or an index
 *       that cannot take one (a MongoDB regular expression is a BSON cstring and cannot hold a NUL) or
 *       would match nonsense with it. A line or paragraph separator (U+2028, U+2029) there is harmless:
 *       the analyser reads it as a space, and nothing keeps the text.</li>
 *   <li>Text that is kept and later written into one line of a mail, a header or a log (a name, an
 *       address line, an e-mail address) must also have no line or paragraph separator,
 *       {@link #isSingleLine}: a line break in a name would let whoever types it add lines of their own
 *       to a genuine mail sent to the address.</li>
 * </ul>
 *
 * A control character is Unicode's general category Cc: C0 (U+0000 to U+001F, so NUL, TAB, CR and LF
 * too), DEL (U+007F) and C1 (U+0080 to U+009F, NEL among them), exactly {@link Character#isISOControl}.
 */
public final class TextRules {

    /**
     * {@link #isSingleLine} as a regular expression, for {@code @Pattern(regexp = ...)}; the two agree on
     * every string (null aside, which bean validation never matches).
     */
    public static final String SINGLE_LINE_PATTERN = "[^\\p{Cc}\\p{Zl}\\p{Zp}]*";

    /** The message that goes with a refusal by {@link #isSingleLine}. */
    public static final String SINGLE_LINE_MESSAGE = "must not contain control characters or line breaks";

    /** The message that goes with a refusal by {@link #hasControlCharacter}. */
    public static final String CONTROL_CHARACTER_MESSAGE = "must not contain control characters";

    /** The message that goes with a refusal by {@link #isMultiLine}. */
    public static final String MULTI_LINE_MESSAGE =
            "must not contain control characters other than line breaks (LF or CR LF) and tabs";

    private static final Pattern ORDINARY_BREAKS = Pattern.compile("\r\n|[\n\t]");

    private static final int LINE_SEPARATOR = 0x2028;
    private static final int PARAGRAPH_SEPARATOR = 0x2029;

    private TextRules() {
    }

    /** True when {@code text} holds a control character (Cc) anywhere; null is no text and has none. */
    public static boolean hasControlCharacter(String text) {
        return text != null && text.chars().anyMatch(Character::isISOControl);
    }

    /**
     * True when {@code text} can be written into one line: no control character and no line or paragraph
     * separator. Null is no text and passes.
     */
    public static boolean isSingleLine(String text) {
        return text == null || text.chars().noneMatch(TextRules::isControlOrLineBreak);
    }

    /**
     * True when {@code text} is paragraphs of such lines: every run between line breaks (LF or CR LF) and
     * tabs is {@link #isSingleLine}, so a description, a review or a message keeps its line breaks and tabs
     * and nothing else of control (no NUL, no bare CR, no line or paragraph separator). Null passes.
     */
    public static boolean isMultiLine(String text) {
        return text == null || ORDINARY_BREAKS.splitAsStream(text).allMatch(TextRules::isSingleLine);
    }

    /**
     * {@code text} with each character that either rule refuses written as {@code \\uXXXX}, so that a
     * refused value (a parameter's name, say) can be quoted in a problem or a log as it was sent.
     */
    public static String printable(String text) {
        StringBuilder printable = new StringBuilder(text.length());
        text.chars().forEach(c -> {
            if (isControlOrLineBreak(c)) {
                printable.append(String.format("\\u%04X", c));
            } else {
                printable.append((char) c);
            }
        });
        return printable.toString();
    }

    private static boolean isControlOrLineBreak(int c) {
        return Character.isISOControl(c) || c == LINE_SEPARATOR || c == PARAGRAPH_SEPARATOR;
    }
}
