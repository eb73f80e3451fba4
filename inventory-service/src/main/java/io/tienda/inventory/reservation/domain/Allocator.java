package io.tienda.inventory.reservation.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.UUID;

/**
 * Chooses where an order's units come from: all or nothing. One warehouse that can fill every line
 * is best (one parcel), and among those the lowest priority number, then the code, wins. Otherwise
 * the order is split: each SKU takes what it can from the warehouses in that same order until it is
 * filled. If any SKU cannot be filled from all of them together, nothing is allocated.
 */
public final class Allocator {

    private static final Comparator<Candidate> WAREHOUSE_ORDER =
            Comparator.comparingInt(Candidate::warehousePriority).thenComparing(Candidate::warehouseCode);

    private Allocator() {
    }

    /**
     * @param requested  units per SKU; quantities are positive
     * @param candidates what active warehouses hold of those SKUs now
     */
    public static Allocation allocate(SortedMap<String, Integer> requested, List<Candidate> candidates) {
        if (requested.isEmpty()) {
            throw new IllegalArgumentException("an order reserves at least one line");
        }
        List<Candidate> usable = candidates.stream()
                .filter(c -> c.available() > 0 && requested.containsKey(c.sku()))
                .sorted(WAREHOUSE_ORDER)
                .toList();
        Map<UUID, Map<String, Candidate>> byWarehouse = new LinkedHashMap<>();
        for (Candidate candidate : usable) {
            byWarehouse.computeIfAbsent(candidate.warehouseId(), w -> new LinkedHashMap<>())
                    .put(candidate.sku(), candidate);
        }
        for (Map.Entry<UUID, Map<String, Candidate>> warehouse : byWarehouse.entrySet()) {
            if (fillsEverything(warehouse.getValue(), requested)) {
                List<ReservationLine> lines = new ArrayList<>();
                requested.forEach((sku, quantity) -> lines.add(new ReservationLine(sku, warehouse.getKey(), quantity)));
                return new Allocation.Filled(lines, false);
            }
        }
        return split(requested, usable);
    }

    private static boolean fillsEverything(Map<String, Candidate> stock, SortedMap<String, Integer> requested) {
        return requested.entrySet().stream().allMatch(line -> {
            Candidate candidate = stock.get(line.getKey());
            return candidate != null && candidate.available() >= line.getValue();
        });
    }

    private static Allocation split(SortedMap<String, Integer> requested, List<Candidate> usable) {
        List<ReservationLine> lines = new ArrayList<>();
        List<String> shortSkus = new ArrayList<>();
        for (Map.Entry<String, Integer> line : requested.entrySet()) {
            int missing = line.getValue();
            for (Candidate candidate : usable) {
                if (missing == 0) {
                    break;
                }
                if (candidate.sku().equals(line.getKey())) {
                    int take = Math.min(missing, candidate.available());
                    lines.add(new ReservationLine(line.getKey(), candidate.warehouseId(), take));
                    missing -= take;
                }
            }
            if (missing > 0) {
                shortSkus.add(line.getKey());
            }
        }
        if (!shortSkus.isEmpty()) {
            return new Allocation.Short(shortSkus);
        }
        long warehouses = lines.stream().map(ReservationLine::warehouseId).distinct().count();
        return new Allocation.Filled(lines, warehouses > 1);
    }
}
