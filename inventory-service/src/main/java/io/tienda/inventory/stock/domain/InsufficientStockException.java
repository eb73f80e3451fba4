package io.tienda.inventory.stock.domain;

/** A movement would leave a warehouse with fewer units than it holds or has promised. */
public class InsufficientStockException extends RuntimeException {

    private final StockKey key;

    public InsufficientStockException(StockKey key, String message) {
        super(message);
        this.key = key;
    }

    public StockKey key() {
        return key;
    }
}
