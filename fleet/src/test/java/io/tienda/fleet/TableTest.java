package io.tienda.fleet;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableTest {

    @Test
    void alignsColumnsToTheWidestCell() {
        String table = new Table("SERVICE", "PORT", "HEALTH", "URL")
            .row("discovery", "8761", "UP", "http://localhost:8761/")
            .row("notification-service", "8008", "OUT_OF_SERVICE", "http://localhost:8008/")
            .render();

        assertThat(table).isEqualTo("""
                SERVICE               PORT  HEALTH          URL
                discovery             8761  UP              http://localhost:8761/
                notification-service  8008  OUT_OF_SERVICE  http://localhost:8008/
                """);
    }

    @Test
    void refusesRowsOfTheWrongWidth() {
        assertThatThrownBy(() -> new Table("A", "B").row("only one")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formatsMemoryAndDurations() {
        assertThat(Table.megabytes(312 * 1024 + 500)).isEqualTo("312 MB");
        assertThat(Table.megabytes(3 * 1024 * 1024 + 400 * 1024)).isEqualTo("3.4 GB");
        assertThat(Table.megabytes(-1)).isEqualTo("-");
        assertThat(Table.duration(Duration.ofSeconds(48))).isEqualTo("48 s");
        assertThat(Table.duration(Duration.ofSeconds(125))).isEqualTo("2 min 05 s");
    }

}
