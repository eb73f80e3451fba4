package io.tienda.product.shared.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlugsTest {

    @Test
    void foldsAccentsAndJoinsWordsWithHyphens() {
        assertThat(Slugs.of("Café molido", "x")).isEqualTo("cafe-molido");
        assertThat(Slugs.of("  Auriculares Inalámbricos — Ñandú 2000!  ", "x"))
                .isEqualTo("auriculares-inalambricos-nandu-2000");
        assertThat(Slugs.of("Pingüino & Cía. (edición 2ª)", "x")).isEqualTo("pinguino-cia-edicion-2a");
        assertThat(Slugs.of("Straße Æble Øl Œuvre", "x")).isEqualTo("strasse-aeble-ol-oeuvre");
        assertThat(Slugs.of("50 mm f/1.4", "x")).isEqualTo("50-mm-f-1-4");
    }

    @Test
    void fallsBackWhenNothingSurvives() {
        assertThat(Slugs.of("¡¿?!", "producto")).isEqualTo("producto");
        assertThat(Slugs.of("☕🎧", "producto")).isEqualTo("producto");
        assertThat(Slugs.of(null, "producto")).isEqualTo("producto");
    }

    @Test
    void cutsLongNamesAtAWordAndLeavesRoomForASuffix() {
        String slug = Slugs.of("palabra ".repeat(40), "x");
        assertThat(slug.length()).isLessThanOrEqualTo(Slugs.MAX_LENGTH - 8);
        assertThat(slug).endsWith("palabra").doesNotEndWith("-");
        assertThat(Slugs.isValid(Slugs.candidate(slug, 42))).isTrue();
    }

    @Test
    void numbersCandidatesFromTheSecond() {
        assertThat(Slugs.candidate("cafe", 1)).isEqualTo("cafe");
        assertThat(Slugs.candidate("cafe", 2)).isEqualTo("cafe-2");
    }

    @Test
    void acceptsOnlyWellFormedSlugs() {
        assertThat(Slugs.isValid("cafe-molido-2")).isTrue();
        assertThat(Slugs.isValid("Cafe")).isFalse();
        assertThat(Slugs.isValid("cafe--molido")).isFalse();
        assertThat(Slugs.isValid("-cafe")).isFalse();
        assertThat(Slugs.isValid("café")).isFalse();
        assertThat(Slugs.isValid("")).isFalse();
        assertThat(Slugs.isValid("a".repeat(121))).isFalse();
    }
}
