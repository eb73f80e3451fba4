package io.tienda.product.search.persistence;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The Lucene index: one writer, and near-real-time searchers opened from it. Nothing is ever
 * committed: the index is a view rebuilt from MongoDB at every start, so durability would only cost
 * fsyncs. On disk the files are memory-mapped, outside the Java heap; the operating system keeps the
 * hot parts in its page cache.
 */
final class ProductIndex implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(ProductIndex.class);

    private final Directory directory;
    private final Path ownedDirectory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    private ProductIndex(Directory directory, Path ownedDirectory, Analyzer analyzer, FacetsConfig facets,
            double ramBufferMb) {
        this.directory = directory;
        this.ownedDirectory = ownedDirectory;
        try {
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                    .setCommitOnClose(false)
                    .setRAMBufferSizeMB(ramBufferMb);
            this.writer = new IndexWriter(directory, config);
            this.searchers = new SearcherManager(writer, new FacetedSearcherFactory(facets));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index in " + directory, e);
        }
    }

    /**
     * An index in {@code directory}, emptied first; with none, in a fresh temporary directory that is
     * deleted again on close, so that replicas on one host never share one.
     */
    static ProductIndex onDisk(Path directory, SearchAnalyzers analyzers, FacetsConfig facets, double ramBufferMb) {
        try {
            Path owned = directory == null ? Files.createTempDirectory("product-search-") : null;
            Path path = directory == null ? owned : Files.createDirectories(directory);
            return new ProductIndex(FSDirectory.open(path), owned, analyzers.perField(), facets, ramBufferMb);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the search index directory", e);
        }
    }

    /** On the heap: for tests and small catalogs. */
    static ProductIndex inMemory(SearchAnalyzers analyzers, FacetsConfig facets) {
        return new ProductIndex(new ByteBuffersDirectory(), null, analyzers.perField(), facets, 16);
    }

    void deleteAll() throws IOException {
        writer.deleteAll();
    }

    void add(Document document) throws IOException {
        writer.addDocument(document);
    }

    void upsert(String id, Document document) throws IOException {
        writer.updateDocument(new Term(SearchSchema.ID, id), document);
    }

    void delete(String id) throws IOException {
        writer.deleteDocuments(new Term(SearchSchema.ID, id));
    }

    /** Makes every write so far visible to searches that start from now on. */
    void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    FacetedSearcher acquire() throws IOException {
        return (FacetedSearcher) searchers.acquire();
    }

    void release(FacetedSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            log.warn("could not release a search index reader", e);
        }
    }

    Path location() {
        return directory instanceof FSDirectory fs ? fs.getDirectory() : null;
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            log.warn("could not close the search index cleanly", e);
        }
        if (ownedDirectory != null) {
            try (Stream<Path> files = Files.walk(ownedDirectory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                log.warn("could not delete the search index directory {}", ownedDirectory, e);
            }
        }
    }

    /**
     * A searcher with the facet ordinals of its reader: building them costs a pass over the facet
     * values, so it happens once per refresh, not once per search.
     */
    static final class FacetedSearcher extends IndexSearcher {

        private final SortedSetDocValuesReaderState facetState;
        private final Map<String, List<String>> present = new ConcurrentHashMap<>();

        FacetedSearcher(IndexReader reader, FacetsConfig facets) throws IOException {
            super(reader);
            this.facetState = state(reader, facets);
        }

        /** Null while no document has a facet. */
        SortedSetDocValuesReaderState facetState() {
            return facetState;
        }

        /**
         * The values of a SortedSet facet that some document has, most common first: what
         * suggestions offer. Counted once per reader, as all searches on it see the same.
         */
        List<String> present(String facet) {
            return present.computeIfAbsent(facet, this::count);
        }

        private List<String> count(String facet) {
            if (facetState == null) {
                return List.of();
            }
            try {
                FacetResult all = new SortedSetDocValuesFacetCounts(facetState).getAllChildren(facet);
                if (all == null) {
                    return List.of();
                }
                return Arrays.stream(all.labelValues)
                        .filter(value -> value.value.longValue() > 0)
                        .sorted(Comparator.comparingLong((LabelAndValue value) -> -value.value.longValue())
                                .thenComparing(value -> value.label))
                        .map(value -> value.label)
                        .toList();
            } catch (IllegalArgumentException notIndexedYet) {
                return List.of();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot count facet " + facet, e);
            }
        }

        private static SortedSetDocValuesReaderState state(IndexReader reader, FacetsConfig facets) throws IOException {
            try {
                return new DefaultSortedSetDocValuesReaderState(reader, facets);
            } catch (IllegalArgumentException noFacetsYet) {
                return null;
            }
        }
    }

    private static final class FacetedSearcherFactory extends SearcherFactory {

        private final FacetsConfig facets;

        FacetedSearcherFactory(FacetsConfig facets) {
            this.facets = facets;
        }

        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) throws IOException {
            return new FacetedSearcher(reader, facets);
        }
    }
}
