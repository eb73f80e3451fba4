package io.tienda.product.shared;

/**
 * A feature whose changes reach many products after the change itself is stored (a category moved,
 * a brand renamed), each such write noting what it still owes. A crash halfway leaves the work
 * unfinished, and nothing else would come back to it: {@link #finish} is called at start, before
 * the service serves.
 */
public interface UnfinishedChanges {

    /** Finishes what changes cut short by a crash or a failure left undone. */
    void finish();
}
