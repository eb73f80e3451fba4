package io.tienda.analytics.reports.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How sales are bucketed: UTC days, ISO weeks (starting Monday) or calendar months. */
public enum Granularity {
    DAY, WEEK, MONTH;

    /** The first day of the bucket {@code day} falls in. */
    public LocalDate bucketOf(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    /** Every bucket the period touches, in order, so that a chart shows empty ones as zero. */
    public List<LocalDate> buckets(ReportPeriod period) {
        List<LocalDate> buckets = new ArrayList<>();
        for (LocalDate b = bucketOf(period.from()); !b.isAfter(period.to()); b = next(b)) {
            buckets.add(b);
        }
        return buckets;
    }

    private LocalDate next(LocalDate bucket) {
        return switch (this) {
            case DAY -> bucket.plusDays(1);
            case WEEK -> bucket.plusWeeks(1);
            case MONTH -> bucket.plusMonths(1);
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
