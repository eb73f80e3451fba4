package io.tienda.platform.core;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One page of a list, the shape every list endpoint answers: {@code {items, page, size, total}}.
 * Pages count from 0. {@code total} counts the matches across all pages, so a client can show
 * "n of m" and knows when to stop asking.
 *
 * <p>Controllers bind the request side with these constants, for example
 * {@code @RequestParam(defaultValue = "0") @PositiveOrZero @Max(Page.MAX_PAGE) int page,
 * @RequestParam(defaultValue = Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size}, so a bad
 * page or size is a 400 problem before any query runs.
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    /** The size when the client sends none; a String because annotation attributes need constants. */
    public static final String DEFAULT_SIZE = "20";

    /** The largest page a client may ask for: it bounds the work and the response of one request. */
    public static final int MAX_SIZE = 100;

    /** The deepest page: skipping more rows costs the database a long scan, and nobody browses that far. */
    public static final int MAX_PAGE = 10_000;

    public Page {
        items = List.copyOf(items);
    }

    /** The rows to skip before {@code page}; a long, so that no page number overflows it. */
    public static long offset(int page, int size) {
        return (long) page * size;
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return new Page<>(items.stream().<R>map(mapper).toList(), page, size, total);
    }
}
