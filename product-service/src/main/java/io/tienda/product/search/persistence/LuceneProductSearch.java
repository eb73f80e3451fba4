package io.tienda.product.search.persistence;

import io.tienda.platform.core.Page;
import io.tienda.product.catalog.domain.Product;
import io.tienda.product.catalog.domain.ProductFilter;
import io.tienda.product.catalog.domain.ProductSort;
import io.tienda.product.search.domain.FacetValue;
import io.tienda.product.search.domain.ProductSearch;
import io.tienda.product.search.domain.SearchRequest;
import io.tienda.product.search.domain.SearchResult;
import io.tienda.product.search.domain.Suggestion;
import io.tienda.product.shared.domain.LocalizedText;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.range.DoubleRange;
import org.apache.lucene.facet.range.DoubleRangeFacetCounts;
import org.apache.lucene.facet.range.LongRange;
import org.apache.lucene.facet.range.LongRangeFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.LongValuesSource;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Searches the index: the relevance query of {@link TextQueries}, the filters of a product list,
 * the requested order and the facet counts. Type-ahead suggestions are {@link LuceneSuggestions}'.
 *
 * <p>Facet counts follow the query and every filter, except that a facet does not narrow itself
 * (drill-sideways): with brand=acme selected, the brand facet still counts the other brands, as if
 * acme were not selected, so a shopper sees what switching or adding a brand would give. Each facet
 * being filtered on costs one more counting pass over the matches; the others are counted in the
 * pass that finds the hits.
 */
public final class LuceneProductSearch implements ProductSearch {

    private static final int BRANDS_SHOWN = 50;
    private static final int[] STARS = {4, 3, 2, 1};

    private final ProductIndex index;
    private final IndexLabels labels;
    private final TextQueries text;
    private final LuceneSuggestions suggestions;
    private final SearchIndexer indexer;
    private final LongRange[] priceRanges;

    LuceneProductSearch(ProductIndex index, IndexLabels labels, SearchAnalyzers analyzers,
            LuceneSuggestions suggestions, SearchIndexer indexer, List<Long> priceBounds) {
        this.index = index;
        this.labels = labels;
        this.text = new TextQueries(analyzers);
        this.suggestions = suggestions;
        this.indexer = indexer;
        this.priceRanges = priceRanges(priceBounds);
    }

    @Override
    public boolean ready() {
        return indexer.built();
    }

    @Override
    public SearchResult search(SearchRequest request) {
        try {
            ProductIndex.FacetedSearcher searcher = index.acquire();
            try {
                SearchResult result = search(searcher, request, true);
                if (result.hits().total() == 0 && text.relaxable(request.text())) {
                    result = search(searcher, request, false);
                }
                return result;
            } finally {
                index.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the search index", e);
        }
    }

    @Override
    public List<Suggestion> suggest(String typed, String language, int limit) {
        return suggestions.suggest(typed, language, limit);
    }

    private SearchResult search(ProductIndex.FacetedSearcher searcher, SearchRequest request, boolean strict)
            throws IOException {
        Query textQuery = text.query(request.text(), strict);
        Filters filters = filters(request);
        long offset = Page.offset(request.page(), request.size());
        int wanted = (int) Math.min(Integer.MAX_VALUE, offset + request.size());
        FacetsCollectorManager.FacetsResult found = FacetsCollectorManager.search(searcher,
                filters.around(textQuery, null), wanted, sort(request.sort()), false, new FacetsCollectorManager());
        FacetsCollector matches = found.facetsCollector();
        long total = matches.getMatchingDocs().stream().mapToLong(docs -> docs.totalHits).sum();

        List<Product> hits = new ArrayList<>();
        StoredFields stored = searcher.storedFields();
        ScoreDoc[] docs = found.topDocs().scoreDocs;
        for (long i = offset; i < docs.length; i++) {
            var document = stored.document(docs[(int) i].doc, Set.of(SearchSchema.STORED));
            hits.add(StoredProducts.product(document.getBinaryValue(SearchSchema.STORED).bytes));
        }

        Counts counts = new Counts(searcher);
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        facets.put(FacetValue.CATEGORY, categories(counts.of(FacetValue.CATEGORY, matches, filters, textQuery),
                request.filter().category(), request.language()));
        facets.put(FacetValue.BRAND, brands(counts.of(FacetValue.BRAND, matches, filters, textQuery)));
        facets.put(FacetValue.PRICE, prices(counts.collector(FacetValue.PRICE, matches, filters, textQuery)));
        facets.put(FacetValue.RATING, ratings(counts.collector(FacetValue.RATING, matches, filters, textQuery)));
        facets.put(FacetValue.IN_STOCK, stock(counts.of(FacetValue.IN_STOCK, matches, filters, textQuery)));
        return new SearchResult(new Page<>(hits, request.page(), request.size(), total), facets);
    }

    /** The filters of a request, each facet's own apart so that it can be left out when counting that facet. */
    private Filters filters(SearchRequest request) {
        ProductFilter filter = request.filter();
        Map<String, Query> byFacet = new LinkedHashMap<>();
        if (filter.category() != null) {
            byFacet.put(FacetValue.CATEGORY, new TermQuery(new Term(SearchSchema.CATEGORY, filter.category())));
        }
        if (filter.brand() != null) {
            byFacet.put(FacetValue.BRAND, new TermQuery(new Term(SearchSchema.BRAND, filter.brand())));
        }
        if (filter.minPrice() != null || filter.maxPrice() != null) {
            long min = filter.minPrice() == null ? Long.MIN_VALUE : filter.minPrice();
            long max = filter.maxPrice() == null ? Long.MAX_VALUE : filter.maxPrice();
            byFacet.put(FacetValue.PRICE, new IndexOrDocValuesQuery(LongPoint.newRangeQuery(SearchSchema.PRICE, min, max),
                    NumericDocValuesField.newSlowRangeQuery(SearchSchema.PRICE, min, max)));
        }
        if (request.minRating() != null) {
            byFacet.put(FacetValue.RATING,
                    DoublePoint.newRangeQuery(SearchSchema.RATING, request.minRating(), Double.POSITIVE_INFINITY));
        }
        if (filter.inStock() != null) {
            byFacet.put(FacetValue.IN_STOCK, new TermQuery(new Term(SearchSchema.IN_STOCK, filter.inStock().toString())));
        }
        List<Query> always = new ArrayList<>();
        if (filter.featured() != null) {
            always.add(new TermQuery(new Term(SearchSchema.FEATURED, filter.featured().toString())));
        }
        if (!filter.attributes().isEmpty()) {
            always.add(attributes(filter.attributes()));
        }
        return new Filters(byFacet, always);
    }

    /** All the attributes on one variant: its tokens share one position, so they must all be at position 0. */
    private static Query attributes(Map<String, String> attributes) {
        List<String> tokens = new TreeMap<>(attributes).entrySet().stream()
                .map(e -> SearchSchema.attribute(e.getKey(), e.getValue())).toList();
        if (tokens.size() == 1) {
            return new TermQuery(new Term(SearchSchema.ATTRIBUTES, tokens.get(0)));
        }
        PhraseQuery.Builder sameVariant = new PhraseQuery.Builder();
        tokens.forEach(token -> sameVariant.add(new Term(SearchSchema.ATTRIBUTES, token), 0));
        return sameVariant.build();
    }

    private record Filters(Map<String, Query> byFacet, List<Query> always) {

        Query around(Query textQuery, String except) {
            BooleanQuery.Builder query = new BooleanQuery.Builder().add(textQuery, BooleanClause.Occur.MUST);
            byFacet.forEach((facet, filter) -> {
                if (!facet.equals(except)) {
                    query.add(filter, BooleanClause.Occur.FILTER);
                }
            });
            always.forEach(filter -> query.add(filter, BooleanClause.Occur.FILTER));
            return query.build();
        }
    }

    /** Matches to count each facet over: the hits, or for a facet being filtered on, the hits without that filter. */
    private static final class Counts {

        private final ProductIndex.FacetedSearcher searcher;
        private final Map<FacetsCollector, SortedSetDocValuesFacetCounts> sortedSet = new IdentityHashMap<>();

        Counts(ProductIndex.FacetedSearcher searcher) {
            this.searcher = searcher;
        }

        FacetsCollector collector(String facet, FacetsCollector matches, Filters filters, Query textQuery)
                throws IOException {
            if (!filters.byFacet().containsKey(facet)) {
                return matches;
            }
            return searcher.search(filters.around(textQuery, facet), new FacetsCollectorManager());
        }

        /** Value and count of a SortedSet facet; empty when no product has it. */
        Map<String, Long> of(String facet, FacetsCollector matches, Filters filters, Query textQuery)
                throws IOException {
            if (searcher.facetState() == null) {
                return Map.of();
            }
            FacetsCollector collector = collector(facet, matches, filters, textQuery);
            SortedSetDocValuesFacetCounts counts = sortedSet.get(collector);
            if (counts == null) {
                counts = new SortedSetDocValuesFacetCounts(searcher.facetState(), collector);
                sortedSet.put(collector, counts);
            }
            FacetResult result;
            try {
                result = FacetValue.BRAND.equals(facet) ? counts.getTopChildren(BRANDS_SHOWN, facet)
                        : counts.getAllChildren(facet);
            } catch (IllegalArgumentException notIndexedYet) {
                return Map.of();
            }
            Map<String, Long> values = new LinkedHashMap<>();
            if (result != null) {
                for (LabelAndValue value : result.labelValues) {
                    if (value.value.longValue() > 0) {
                        values.put(value.label, value.value.longValue());
                    }
                }
            }
            return values;
        }
    }

    /**
     * The category tree as far as it helps: the roots, and below each category on the way to the
     * selected one, its children; a category counts the products of its whole branch.
     */
    private List<FacetValue> categories(Map<String, Long> counts, String selected, String language) {
        Set<String> expanded = new LinkedHashSet<>();
        if (selected != null) {
            labels.category(selected).ifPresent(node -> expanded.addAll(node.path()));
        }
        Map<String, List<IndexLabels.CategoryNode>> children = new HashMap<>();
        List<IndexLabels.CategoryNode> roots = new ArrayList<>();
        for (String slug : counts.keySet()) {
            IndexLabels.CategoryNode node = labels.category(slug)
                    .orElse(new IndexLabels.CategoryNode(slug, LocalizedText.of(slug, null), null, 0, List.of(slug)));
            if (node.parent() == null || !counts.containsKey(node.parent())) {
                roots.add(node);
            } else {
                children.computeIfAbsent(node.parent(), k -> new ArrayList<>()).add(node);
            }
        }
        List<FacetValue> values = new ArrayList<>();
        addCategories(roots, children, expanded, counts, language, values);
        return values;
    }

    private void addCategories(List<IndexLabels.CategoryNode> level, Map<String, List<IndexLabels.CategoryNode>> children,
            Set<String> expanded, Map<String, Long> counts, String language, List<FacetValue> values) {
        level.sort(Comparator.<IndexLabels.CategoryNode>comparingLong(node -> -counts.get(node.slug()))
                .thenComparing(node -> node.name().in(language)));
        for (IndexLabels.CategoryNode node : level) {
            values.add(new FacetValue(node.slug(), node.name().in(language), counts.get(node.slug()), node.depth(),
                    node.parent(), Map.of(FacetValue.CATEGORY, node.slug())));
            if (expanded.contains(node.slug())) {
                addCategories(new ArrayList<>(children.getOrDefault(node.slug(), List.of())), children, expanded, counts,
                        language, values);
            }
        }
    }

    private List<FacetValue> brands(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .map(e -> FacetValue.of(e.getKey(), labels.brandName(e.getKey()), e.getValue(),
                        Map.of(FacetValue.BRAND, e.getKey())))
                .sorted(Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::label))
                .toList();
    }

    private static List<FacetValue> stock(Map<String, Long> counts) {
        List<FacetValue> values = new ArrayList<>();
        for (String value : List.of("true", "false")) {
            Long count = counts.get(value);
            if (count != null) {
                values.add(FacetValue.of(value, null, count, Map.of(FacetValue.IN_STOCK, value)));
            }
        }
        return values;
    }

    private List<FacetValue> prices(FacetsCollector matches) throws IOException {
        FacetResult result = new LongRangeFacetCounts(SearchSchema.PRICE, LongValuesSource.fromLongField(SearchSchema.PRICE),
                matches, priceRanges).getAllChildren(SearchSchema.PRICE);
        List<FacetValue> values = new ArrayList<>();
        for (int i = 0; i < priceRanges.length; i++) {
            long count = result.labelValues[i].value.longValue();
            if (count == 0) {
                continue;
            }
            LongRange range = priceRanges[i];
            Map<String, String> select = new LinkedHashMap<>();
            if (range.min != Long.MIN_VALUE) {
                select.put("minPrice", Long.toString(range.min));
            }
            if (range.max != Long.MAX_VALUE) {
                select.put("maxPrice", Long.toString(range.max));
            }
            values.add(FacetValue.of(range.label, priceLabel(range), count, select));
        }
        return values;
    }

    private static List<FacetValue> ratings(FacetsCollector matches) throws IOException {
        DoubleRange[] ranges = new DoubleRange[STARS.length];
        for (int i = 0; i < STARS.length; i++) {
            ranges[i] = new DoubleRange(Integer.toString(STARS[i]), STARS[i], true, Double.POSITIVE_INFINITY, true);
        }
        FacetResult result = new DoubleRangeFacetCounts(SearchSchema.RATING,
                DoubleValuesSource.fromDoubleField(SearchSchema.RATING), matches, ranges).getAllChildren(SearchSchema.RATING);
        List<FacetValue> values = new ArrayList<>();
        for (LabelAndValue value : result.labelValues) {
            if (value.value.longValue() > 0) {
                values.add(FacetValue.of(value.label, value.label + "+", value.value.longValue(),
                        Map.of("minRating", value.label)));
            }
        }
        return values;
    }

    /** Ranges between the bounds (in minor units): below the first, between each two, from the last up. */
    static LongRange[] priceRanges(List<Long> bounds) {
        List<Long> sorted = bounds.stream().distinct().sorted().toList();
        LongRange[] ranges = new LongRange[sorted.size() + 1];
        long from = Long.MIN_VALUE;
        for (int i = 0; i <= sorted.size(); i++) {
            long to = i < sorted.size() ? sorted.get(i) - 1 : Long.MAX_VALUE;
            String label = (from == Long.MIN_VALUE ? "*" : Long.toString(from)) + "-"
                    + (to == Long.MAX_VALUE ? "*" : Long.toString(to + 1));
            ranges[i] = new LongRange(label, from, true, to, true);
            from = to == Long.MAX_VALUE ? to : to + 1;
        }
        return ranges;
    }

    private static String priceLabel(LongRange range) {
        if (range.min == Long.MIN_VALUE) {
            return "< " + euros(range.max + 1) + " €";
        }
        if (range.max == Long.MAX_VALUE) {
            return "≥ " + euros(range.min) + " €";
        }
        return euros(range.min) + "–" + euros(range.max + 1) + " €";
    }

    private static String euros(long cents) {
        return BigDecimal.valueOf(cents, 2).stripTrailingZeros().toPlainString();
    }

    private static Sort sort(ProductSort sort) {
        SortField id = new SortField(SearchSchema.ID, SortField.Type.STRING);
        return switch (sort) {
            case RELEVANCE -> new Sort(SortField.FIELD_SCORE,
                    new SortField(SearchSchema.IN_STOCK_RANK, SortField.Type.LONG, true),
                    new SortField(SearchSchema.RATING, SortField.Type.DOUBLE, true),
                    new SortField(SearchSchema.CREATED, SortField.Type.LONG, true), id);
            case PRICE_ASC -> new Sort(new SortField(SearchSchema.PRICE, SortField.Type.LONG), SortField.FIELD_SCORE, id);
            case PRICE_DESC -> new Sort(new SortField(SearchSchema.PRICE, SortField.Type.LONG, true), SortField.FIELD_SCORE,
                    id);
            case NEWEST -> new Sort(new SortField(SearchSchema.CREATED, SortField.Type.LONG, true), id);
            case RATING -> new Sort(new SortField(SearchSchema.RATING, SortField.Type.DOUBLE, true),
                    new SortField(SearchSchema.RATING_COUNT, SortField.Type.LONG, true), SortField.FIELD_SCORE, id);
        };
    }
}
