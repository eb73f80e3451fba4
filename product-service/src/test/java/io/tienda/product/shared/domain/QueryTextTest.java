package io.tienda.product.shared.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueryTextTest {

    @Test
    void controlCharactersAreFoundWhereverTheyAre() {
        assertThat(QueryText.hasControlCharacter("a\u0000")).isTrue();
        assertThat(QueryText.hasControlCharacter("\u0001cafe")).isTrue();
        assertThat(QueryText.hasControlCharacter("rojo\noscuro")).isTrue();
        assertThat(QueryText.hasControlCharacter("tab\there")).isTrue();
        assertThat(QueryText.hasControlCharacter("del\u007F")).isTrue();
        assertThat(QueryText.hasControlCharacter("c1\u0085")).isTrue();
    }

    @Test
    void ordinaryTextHasNone() {
        assertThat(QueryText.hasControlCharacter(null)).isFalse();
        assertThat(QueryText.hasControlCharacter("")).isFalse();
        assertThat(QueryText.hasControlCharacter("Café molido (250 g) — ñandú 🚲 usb-c *:* AND")).isFalse();
    }

    @Test
    void aControlCharacterIsNamedVisibly() {
        assertThat(QueryText.printable("attr.co\u0000lor")).isEqualTo("attr.co\\u0000lor");
        assertThat(QueryText.printable("a\nb\u007F")).isEqualTo("a\\u000Ab\\u007F");
        assertThat(QueryText.printable("plain")).isEqualTo("plain");
    }
}
