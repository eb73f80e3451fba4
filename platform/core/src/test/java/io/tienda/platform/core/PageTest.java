package io.tienda.platform.core;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PageTest {

    @Test
    void theOffsetOfTheDeepestPageDoesNotOverflow() {
        assertThat(Page.offset(0, 20)).isZero();
        assertThat(Page.offset(3, 20)).isEqualTo(60);
        assertThat(Page.offset(Integer.MAX_VALUE, Page.MAX_SIZE)).isEqualTo(214_748_364_700L);
    }

    @Test
    void mappingKeepsThePositionAndTheTotal() {
        Page<Integer> page = new Page<>(List.of(1, 2), 3, 2, 9);

        assertThat(page.map(n -> "#" + n)).isEqualTo(new Page<>(List.of("#1", "#2"), 3, 2, 9));
    }

    @Test
    void itemsCannotChangeAfterwards() {
        List<String> items = new ArrayList<>(List.of("a"));
        Page<String> page = new Page<>(items, 0, 20, 1);
        items.add("b");

        assertThat(page.items()).containsExactly("a");
    }
}
