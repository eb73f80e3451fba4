package io.tienda.platform.core;

import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class TextRulesTest {

    private static final Pattern SINGLE_LINE = Pattern.compile(TextRules.SINGLE_LINE_PATTERN);

    private static final String ORDINARY = "Ana García-Núñez O'Brien 李 Café molido (250 g) — ñandú 🚲 "
            + "usb-c *:* AND";

    @Test
    void controlCharactersAreFoundWhereverTheyAre() {
        for (String bad : new String[] {"a\u0000", "\u0001cafe", "rojo\noscuro", "Ana\r", "tab\there", "esc\u001B",
                "Ana\nYour account is locked: http://evil.example",
                "del\u007F", "c1\u0085", "c1\u0080", "c1\u009F"}) {
            assertThat(TextRules.hasControlCharacter(bad)).as(bad).isTrue();
            assertThat(TextRules.isSingleLine(bad)).as(bad).isFalse();
            assertThat(SINGLE_LINE.matcher(bad).matches()).as(bad).isFalse();
        }
    }

    @Test
    void ordinaryTextHasNoneAndIsOneLine() {
        assertThat(TextRules.hasControlCharacter(null)).isFalse();
        assertThat(TextRules.hasControlCharacter("")).isFalse();
        assertThat(TextRules.hasControlCharacter(ORDINARY)).isFalse();
        assertThat(TextRules.isSingleLine(null)).isTrue();
        assertThat(TextRules.isSingleLine("")).isTrue();
        assertThat(TextRules.isSingleLine(ORDINARY)).isTrue();
        assertThat(SINGLE_LINE.matcher(ORDINARY).matches()).isTrue();
        // the first character either side of each range is ordinary text
        assertThat(TextRules.isSingleLine(" ~\u00A0\u2027\u202A")).isTrue();
    }

    @Test
    void lineAndParagraphSeparatorsBreakALineButAreNoControlCharacters() {
        for (String separated : new String[] {"A\u2028B", "A\u2029B"}) {
            assertThat(TextRules.hasControlCharacter(separated)).as(separated).isFalse();
            assertThat(TextRules.isSingleLine(separated)).as(separated).isFalse();
            assertThat(SINGLE_LINE.matcher(separated).matches()).as(separated).isFalse();
        }
    }

    @Test
    void theExpressionAndThePredicateAgreeOnEveryCharacterOfTheBasicPlane() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            if (Character.isSurrogate(c)) {
                continue;
            }
            String text = "a" + c + "b";
            assertThat(SINGLE_LINE.matcher(text).matches()).as("U+%04X", (int) c)
                    .isEqualTo(TextRules.isSingleLine(text));
        }
    }

    @Test
    void aRefusedCharacterIsNamedVisibly() {
        assertThat(TextRules.printable("attr.co\u0000lor")).isEqualTo("attr.co\\u0000lor");
        assertThat(TextRules.printable("a\nb\u007F")).isEqualTo("a\\u000Ab\\u007F");
        assertThat(TextRules.printable("a\u2028b")).isEqualTo("a\\u2028b");
        assertThat(TextRules.printable("plain ñ 🚲")).isEqualTo("plain ñ 🚲");
    }

    @Test
    void aMultiLineTextKeepsLineBreaksAndTabsAndNothingElseOfControl() {
        assertThat(TextRules.isMultiLine(null)).isTrue();
        assertThat(TextRules.isMultiLine("First line\nsecond\r\nthird\twith a tab\n\n")).isTrue();
        assertThat(TextRules.isMultiLine("ñ 🚲 «plain»")).isTrue();
        for (String bad : new String[] {"\u0000", "\r", "\u001B", "\u007F", "\u0085", "\u2028", "\u2029"}) {
            assertThat(TextRules.isMultiLine("a" + bad + "b")).as(TextRules.printable(bad)).isFalse();
        }
    }
}
