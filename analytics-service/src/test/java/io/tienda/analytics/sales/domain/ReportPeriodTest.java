package io.tienda.analytics.sales.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportPeriodTest {

    @Test
    void coversWholeUtcDaysWithBothEndsIncluded() {
        ReportPeriod period = new ReportPeriod(LocalDate.parse("2024-02-28"), LocalDate.parse("2024-03-01"));

        assertThat(period.days()).isEqualTo(3);
        assertThat(period.startInclusive()).isEqualTo(Instant.parse("2024-02-28T00:00:00Z"));
        assertThat(period.endExclusive()).isEqualTo(Instant.parse("2024-03-02T00:00:00Z"));
    }

    @Test
    void aSingleDayIsAPeriod() {
        LocalDate day = LocalDate.parse("2024-05-01");
        assertThat(new ReportPeriod(day, day).days()).isEqualTo(1);
    }

    @Test
    void refusesToEndBeforeItStarts() {
        assertThatThrownBy(() -> new ReportPeriod(LocalDate.parse("2024-02-02"), LocalDate.parse("2024-02-01")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before");
    }

    @Test
    void spansAtMostALeapYear() {
        assertThat(new ReportPeriod(LocalDate.parse("2024-01-01"), LocalDate.parse("2024-12-31")).days())
                .isEqualTo(ReportPeriod.MAX_DAYS);
        assertThatThrownBy(() -> new ReportPeriod(LocalDate.parse("2024-01-01"), LocalDate.parse("2025-01-01")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("367");
    }

    @Test
    void needsBothEnds() {
        assertThatThrownBy(() -> new ReportPeriod(null, LocalDate.parse("2024-01-01")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
