package io.tienda.product.search.persistence;

import io.tienda.product.search.domain.CategoryLineage;
import io.tienda.product.search.domain.ProductSearch;

import java.io.Closeable;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** The Lucene search assembled: the index, its writer side and its search side (searches and suggestions). */
public final class SearchEngine implements Closeable {

    private final ProductIndex index;
    private final SearchIndexer indexer;
    private final LuceneProductSearch search;

    private SearchEngine(ProductIndex index, SearchSchema schema, SearchAnalyzers analyzers, List<Long> priceBounds,
            CatalogReader catalog, CategoryLineage lineage, Clock clock) {
        IndexLabels labels = new IndexLabels();
        this.index = index;
        this.indexer = new SearchIndexer(index, schema, labels, catalog, lineage, clock);
        this.search = new LuceneProductSearch(index, labels, analyzers,
                new LuceneSuggestions(index, labels, analyzers), indexer, priceBounds);
    }

    /**
     * An index in {@code directory} (emptied first), or with none in a temporary directory deleted
     * on {@link #close()}.
     */
    public static SearchEngine onDisk(Path directory, double ramBufferMb, List<Long> priceBounds, CatalogReader catalog,
            CategoryLineage lineage, Clock clock) {
        SearchAnalyzers analyzers = new SearchAnalyzers();
        SearchSchema schema = new SearchSchema();
        return new SearchEngine(ProductIndex.onDisk(directory, analyzers, schema.facets(), ramBufferMb), schema,
                analyzers, priceBounds, catalog, lineage, clock);
    }

    public static SearchEngine inMemory(List<Long> priceBounds, CatalogReader catalog, CategoryLineage lineage,
            Clock clock) {
        SearchAnalyzers analyzers = new SearchAnalyzers();
        SearchSchema schema = new SearchSchema();
        return new SearchEngine(ProductIndex.inMemory(analyzers, schema.facets()), schema, analyzers, priceBounds,
                catalog, lineage, clock);
    }

    public ProductSearch search() {
        return search;
    }

    public SearchIndexer indexer() {
        return indexer;
    }

    /** The directory of an index on disk, null on the heap. */
    public Path location() {
        return index.location();
    }

    @Override
    public void close() {
        index.close();
    }
}
