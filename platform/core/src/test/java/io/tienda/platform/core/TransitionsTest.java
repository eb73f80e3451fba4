package io.tienda.platform.core;

import io.tienda.platform.problem.IllegalTransitionException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransitionsTest {

    enum Light { RED, GREEN, AMBER, OFF }

    private final Transitions<Light> moves = Transitions.of(Light.class)
            .allow(Light.RED, Light.GREEN, Light.OFF)
            .allow(Light.GREEN, Light.AMBER)
            .allow(Light.AMBER, Light.RED);

    @Test
    void allowsOnlyDeclaredMoves() {
        assertThat(moves.allows(Light.RED, Light.GREEN)).isTrue();
        assertThat(moves.allows(Light.RED, Light.OFF)).isTrue();
        assertThat(moves.allows(Light.GREEN, Light.RED)).isFalse();
        assertThat(moves.allows(Light.OFF, Light.RED)).isFalse();
        assertThat(moves.isFinal(Light.OFF)).isTrue();
        assertThat(moves.isFinal(Light.AMBER)).isFalse();
    }

    @Test
    void anIllegalMoveIsA409NamingTheState() {
        assertThatThrownBy(() -> moves.require("light 7", Light.GREEN, Light.RED))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.type()).isEqualTo(IllegalTransitionException.TYPE);
                    assertThat(e.getMessage()).isEqualTo("light 7 is GREEN and cannot become RED");
                    assertThat(e.properties()).containsEntry("state", "GREEN");
                });
    }

    @Test
    void allowReturnsACopy() {
        Transitions<Light> base = Transitions.of(Light.class).allow(Light.RED, Light.GREEN);
        Transitions<Light> more = base.allow(Light.GREEN, Light.AMBER);
        assertThat(base.allows(Light.GREEN, Light.AMBER)).isFalse();
        assertThat(more.allows(Light.GREEN, Light.AMBER)).isTrue();
        assertThat(more.allows(Light.RED, Light.GREEN)).isTrue();
    }
}
