package io.tienda.analytics.reports.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Whole days from {@code from} to {@code to}, both included, in UTC. At most a (leap) year, so that
 * one request cannot ask the store to scan its whole history, and within {@link #FIRST_DAY} ..
 * {@link #LAST_DAY}: the days the fact store's dates and times can hold.
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

    public static final int MAX_DAYS = 366;

    /**
     * The first and last day a report may name. ClickHouse keeps dates and times as unsigned counts
     * from 1970-01-01; its calendar (18.16) ends with 2105, and a later day is read as 0000-00-00.
     */
    public static final LocalDate FIRST_DAY = LocalDate.of(1970, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2105, 12, 31);

    public ReportPeriod {
        if (from == null || to == null) {
            throw new IllegalArgumentException("a period needs both from and to");
        }
        if (!storable(from) || !storable(to)) {
            throw new IllegalArgumentException("a period lies between " + FIRST_DAY + " and " + LAST_DAY);
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > MAX_DAYS) {
            throw new IllegalArgumentException("the period spans " + days + " days; at most " + MAX_DAYS + " are allowed");
        }
    }

    /** Whether reports can name this day: from {@link #FIRST_DAY} to {@link #LAST_DAY}. */
    public static boolean storable(LocalDate day) {
        return !day.isBefore(FIRST_DAY) && !day.isAfter(LAST_DAY);
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    public Instant startInclusive() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public Instant endExclusive() {
        return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /**
     * The last second of the period, 23:59:59 of {@code to}: an upper bound that stays a day the store
     * can hold even when {@code to} is {@link #LAST_DAY} (its day after is not).
     */
    public Instant lastSecond() {
        return endExclusive().minusSeconds(1);
    }
}
