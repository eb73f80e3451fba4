package io.tienda.inventory.reservation.domain;

import io.tienda.inventory.stock.domain.Sku;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The lines of a reserve command, checked and merged per SKU (an order may list a SKU twice). A
 * command is checked by its producer's schema, but a participant trusts nothing it cannot redo.
 */
public final class OrderLines {

    /** The most units of one SKU one order may reserve. */
    public static final int MAX_QUANTITY = 1_000_000;
    /** The most distinct SKUs one order may reserve. */
    public static final int MAX_LINES = 200;

    private final SortedMap<String, Integer> units;
    private final List<String> invalid;
    private final boolean unnamed;

    private OrderLines(SortedMap<String, Integer> units, List<String> invalid, boolean unnamed) {
        this.units = Collections.unmodifiableSortedMap(units);
        this.invalid = List.copyOf(invalid);
        this.unnamed = unnamed;
    }

    /** One requested line as the command carries it. */
    public record Line(String sku, int quantity) {
    }

    public static OrderLines of(List<Line> lines) {
        SortedMap<String, Integer> units = new TreeMap<>();
        List<String> invalid = new ArrayList<>();
        boolean unnamed = false;
        for (Line line : lines == null ? List.<Line>of() : lines) {
            if (line == null || line.sku() == null || line.sku().isBlank()) {
                unnamed = true;
                continue;
            }
            if (!Sku.isValid(line.sku())) {
                invalid.add(line.sku());
                continue;
            }
            long merged = (long) units.getOrDefault(line.sku(), 0) + line.quantity();
            if (line.quantity() <= 0 || merged > MAX_QUANTITY) {
                invalid.add(line.sku());
                continue;
            }
            units.put(line.sku(), (int) merged);
        }
        return new OrderLines(units, invalid, unnamed);
    }

    /** Whether the lines can be reserved at all: at least one, none malformed, not too many. */
    public boolean valid() {
        return !unnamed && invalid.isEmpty() && !units.isEmpty() && units.size() <= MAX_LINES;
    }

    /** The SKUs of the malformed lines, as the rejection reports them (a line without a SKU has none). */
    public List<String> invalid() {
        return invalid;
    }

    public SortedMap<String, Integer> units() {
        return units;
    }
}
