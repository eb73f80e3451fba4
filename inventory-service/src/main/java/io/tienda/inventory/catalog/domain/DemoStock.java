package io.tienda.inventory.catalog.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Starting stock for a local fleet, so the shop has something to sell and something to reorder.
 * Derived from a hash of the SKU alone: every fleet, every restart, every replica gives a SKU the
 * same quantity. About 5% of SKUs get none (out of stock), about 10% a few units below the reorder
 * point (low stock), the rest 15 to 150.
 */
public final class DemoStock {

    public static final int REORDER_POINT = 10;
    public static final int REORDER_QUANTITY = 60;
    public static final String REFERENCE = "demo-stock";

    private DemoStock() {
    }

    /** What a SKU starts with. */
    public record Plan(int quantity, int reorderPoint, int reorderQuantity) {
    }

    public static Plan plan(String sku) {
        long hash = hash(sku);
        int bucket = (int) Long.remainderUnsigned(hash, 100);
        long rest = Long.divideUnsigned(hash, 100);
        int quantity;
        if (bucket < 5) {
            quantity = 0;
        } else if (bucket < 15) {
            quantity = 1 + (int) Long.remainderUnsigned(rest, REORDER_POINT - 1);
        } else {
            quantity = 15 + (int) Long.remainderUnsigned(rest, 136);
        }
        return new Plan(quantity, REORDER_POINT, REORDER_QUANTITY);
    }

    /** The first eight bytes of SHA-256: well spread even for SKUs that differ in one character. */
    private static long hash(String sku) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sku.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
