package io.tienda.analytics.facts.domain;

import java.util.List;

/** Where facts are kept. */
public interface FactStore {

    /**
     * Appends the facts, one insert per table, skipping facts whose event is already stored (or is
     * repeated within {@code facts}); answers how many rows were written.
     */
    int append(List<Facts.Fact> facts);

    /** Empties every fact table, before a replay from the beginning of the topics. */
    void truncateAll();
}
