package io.tienda.cart.cart.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** How one SKU's quantity moved between two states of a cart; what the funnel events report. */
public record LineChange(String sku, int before, int after) {

    public boolean added() {
        return after > before;
    }

    public int delta() {
        return Math.abs(after - before);
    }

    /** Every line whose quantity differs between {@code before} and {@code after}, by SKU. */
    public static List<LineChange> between(Cart before, Cart after) {
        Map<String, Integer> old = new TreeMap<>();
        before.lines().forEach(line -> old.put(line.sku(), line.quantity()));
        Map<String, Integer> now = new TreeMap<>();
        after.lines().forEach(line -> now.put(line.sku(), line.quantity()));
        TreeSet<String> skus = new TreeSet<>(old.keySet());
        skus.addAll(now.keySet());
        List<LineChange> changes = new ArrayList<>();
        for (String sku : skus) {
            int from = old.getOrDefault(sku, 0);
            int to = now.getOrDefault(sku, 0);
            if (from != to) {
                changes.add(new LineChange(sku, from, to));
            }
        }
        return changes;
    }
}
