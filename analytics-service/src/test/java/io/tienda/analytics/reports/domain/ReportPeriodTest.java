package io.tienda.analytics.reports.domain;

import io.tienda.analytics.reports.AnalyticsReports;
import io.tienda.platform.problem.DomainException;
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
        assertThat(period.lastSecond()).isEqualTo(Instant.parse("2024-03-01T23:59:59Z"));
    }

    @Test
    void liesWithinTheDaysClickHouseHolds() {
        ReportPeriod last = new ReportPeriod(LocalDate.parse("2105-12-01"), LocalDate.parse("2105-12-31"));
        assertThat(last.lastSecond()).isEqualTo(Instant.parse("2105-12-31T23:59:59Z"));
        assertThat(new ReportPeriod(LocalDate.parse("1970-01-01"), LocalDate.parse("1970-01-01")).days()).isOne();
        for (String[] outside : new String[][] {{"2105-12-31", "2106-01-01"}, {"1969-12-31", "1970-01-01"},
                {"+10000-01-01", "+10000-01-02"}, {"+999999999-12-01", "+999999999-12-31"}}) {
            assertThatThrownBy(() -> new ReportPeriod(LocalDate.parse(outside[0]), LocalDate.parse(outside[1])))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2105-12-31");
        }
        assertThat(ReportPeriod.storable(LocalDate.MAX)).isFalse();
        assertThat(ReportPeriod.storable(LocalDate.MIN)).isFalse();
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
    void bucketsOfEveryGranularity() {
        ReportPeriod period = new ReportPeriod(LocalDate.parse("2030-03-01"), LocalDate.parse("2030-04-30"));
        assertThat(Granularity.DAY.buckets(period)).hasSize(61);
        assertThat(Granularity.WEEK.buckets(period)).first().isEqualTo(LocalDate.parse("2030-02-25"));
        assertThat(Granularity.WEEK.buckets(period)).last().isEqualTo(LocalDate.parse("2030-04-29"));
        assertThat(Granularity.MONTH.buckets(period)).containsExactly(LocalDate.parse("2030-03-01"),
                LocalDate.parse("2030-04-01"));
        assertThat(AnalyticsReports.granularity("Week")).isEqualTo(Granularity.WEEK);
        assertThat(AnalyticsReports.granularity(null)).isEqualTo(Granularity.DAY);
        assertThatThrownBy(() -> AnalyticsReports.granularity("hour")).isInstanceOf(DomainException.class)
                .hasMessage("granularity must be one of: day, week, month");
    }

    @Test
    void filtersAcceptIdsOnly() {
        assertThat(new SalesFilter("shoes", " ", null).isEmpty()).isFalse();
        assertThat(new SalesFilter(null, "", null).isEmpty()).isTrue();
        assertThatThrownBy(() -> new SalesFilter("a'b", null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
