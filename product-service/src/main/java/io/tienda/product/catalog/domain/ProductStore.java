package io.tienda.product.catalog.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * How the catalog changes. Every write stores the change and the events announcing it in ONE
 * document write (the product's own outbox), so neither exists without the other whatever
 * crashes; {@link #announce} then sends them, and a periodic sweep sends whatever a crash left.
 */
public interface ProductStore {

    /**
     * Stores a new product with its events. The write itself decides whether its id, slug and SKUs
     * are free, deleted products included, so no concurrent writer can slip in between a check and it.
     *
     * @throws CatalogConflict when its id, slug or one of its SKUs is already used, naming every one taken
     */
    void insert(Product product, List<Object> events);

    /**
     * Reads the product, lets {@code change} decide its new state and events, and writes them only if
     * nothing changed the product meanwhile; otherwise reads again and asks again. {@code change} may
     * throw to refuse, or answer null to write nothing. Empty when there is no such product.
     *
     * @throws CatalogConflict when the new state takes a slug or SKUs another product uses, deleted
     *                         products included
     */
    Optional<Product> modify(String id, Function<Product, Change> change);

    /**
     * Marks the product deleted (a tombstone: invisible everywhere, kept so its events can still be
     * sent and its slug and SKUs are never reused) with the events {@code eventsOf} answers for it.
     * {@code eventsOf} may throw to refuse. Empty when there is no such product.
     */
    Optional<Product> delete(String id, Function<Product, List<Object>> eventsOf);

    /** Sends the events the product's writes left pending; what fails stays for the sweep. */
    void announce(String id);

    /** Records what inventory says a SKU has, unless what is stored is as new or newer. */
    StockUpdate applyStock(String sku, StockState stock);

    /** Which of {@code ids} are stored, deleted products included. */
    Set<String> existingIds(Collection<String> ids);

    /** Stores many new products at once, each with its events; answers how many were new. */
    int insertAll(List<Product> products, Function<Product, List<Object>> eventsOf);

    /**
     * Up to {@code limit} ids, in order, of the products, deleted ones excluded, that carry this brand,
     * starting after {@code after} (null: from the first): a page of a walk over them.
     */
    List<String> idsWithBrand(String brandId, String after, int limit);

    /**
     * Up to {@code limit} ids, in order, of the products, deleted ones excluded, in one of these
     * categories, starting after {@code after} (null: from the first): a page of a walk over them.
     */
    List<String> idsInCategories(Collection<String> categoryIds, String after, int limit);

    /** A product's next state and the events that announce it. */
    record Change(Product after, List<Object> events) {

        public Change {
            events = List.copyOf(events);
        }
    }

    enum StockUpdate {
        APPLIED, STALE, UNKNOWN_SKU
    }
}
