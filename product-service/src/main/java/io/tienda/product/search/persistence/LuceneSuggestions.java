package io.tienda.product.search.persistence;

import io.tienda.product.catalog.domain.Product;
import io.tienda.product.search.domain.FacetValue;
import io.tienda.product.search.domain.Suggestion;
import io.tienda.product.shared.domain.LocalizedText;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Type-ahead suggestions from the index: categories and brands whose name has a word starting what
 * was typed, then product names where every typed word is a word of the name, the last one possibly
 * unfinished, and failing those, names close to a typo.
 */
final class LuceneSuggestions {

    private static final int SUGGESTION_CANDIDATES = 50;
    private static final int CATEGORY_SUGGESTIONS = 3;
    private static final int BRAND_SUGGESTIONS = 2;

    private final ProductIndex index;
    private final IndexLabels labels;
    private final SearchAnalyzers analyzers;

    LuceneSuggestions(ProductIndex index, IndexLabels labels, SearchAnalyzers analyzers) {
        this.index = index;
        this.labels = labels;
        this.analyzers = analyzers;
    }

    List<Suggestion> suggest(String typed, String language, int limit) {
        List<String> words = analyzers.words(typed);
        if (words.isEmpty() || limit < 1) {
            return List.of();
        }
        if (words.size() > TextQueries.MAX_WORDS) {
            words = words.subList(words.size() - TextQueries.MAX_WORDS, words.size());
        }
        String typedFolded = String.join(" ", words);
        try {
            ProductIndex.FacetedSearcher searcher = index.acquire();
            try {
                List<Suggestion> suggestions = new ArrayList<>();
                suggestions.addAll(categorySuggestions(searcher, typedFolded, language));
                suggestions.addAll(brandSuggestions(searcher, typedFolded));
                productSuggestions(searcher, words, language, limit, suggestions);
                return suggestions.size() > limit ? suggestions.subList(0, limit) : suggestions;
            } finally {
                index.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the search index", e);
        }
    }

    /** Product names where every typed word is a word of the name, the last one possibly unfinished. */
    private void productSuggestions(ProductIndex.FacetedSearcher searcher, List<String> words, String language,
            int limit, List<Suggestion> suggestions) throws IOException {
        String last = words.get(words.size() - 1);
        BooleanQuery.Builder complete = new BooleanQuery.Builder();
        for (String word : words.subList(0, words.size() - 1)) {
            complete.add(new TermQuery(new Term(SearchSchema.NAME_WORDS, word)), BooleanClause.Occur.MUST);
        }
        complete.add(new PrefixQuery(new Term(SearchSchema.NAME_WORDS, last)), BooleanClause.Occur.MUST);
        Sort popular = new Sort(SortField.FIELD_SCORE, new SortField(SearchSchema.RATING_COUNT, SortField.Type.LONG, true),
                new SortField(SearchSchema.ID, SortField.Type.STRING));
        TopDocs top = searcher.search(complete.build(), SUGGESTION_CANDIDATES, popular);
        boolean fuzzy = false;
        if (top.scoreDocs.length == 0 && last.length() >= 4) {
            // nothing starts that way: perhaps a typo in what was typed so far
            BooleanQuery.Builder close = new BooleanQuery.Builder();
            for (String word : words.subList(0, words.size() - 1)) {
                close.add(new TermQuery(new Term(SearchSchema.NAME_WORDS, word)), BooleanClause.Occur.MUST);
            }
            close.add(new FuzzyQuery(new Term(SearchSchema.NAME_WORDS, last), last.length() >= 8 ? 2 : 1, 1),
                    BooleanClause.Occur.MUST);
            top = searcher.search(close.build(), SUGGESTION_CANDIDATES, popular);
            fuzzy = true;
        }
        Set<String> seen = new LinkedHashSet<>();
        suggestions.forEach(s -> seen.add(String.join(" ", analyzers.words(s.text()))));
        StoredFields stored = searcher.storedFields();
        String other = LocalizedText.ENGLISH.equals(language) ? LocalizedText.SPANISH : LocalizedText.ENGLISH;
        for (ScoreDoc doc : top.scoreDocs) {
            if (suggestions.size() >= limit) {
                return;
            }
            Product product = StoredProducts.product(
                    stored.document(doc.doc, Set.of(SearchSchema.STORED)).getBinaryValue(SearchSchema.STORED).bytes);
            for (String lang : List.of(language, other)) {
                String name = LocalizedText.SPANISH.equals(lang) ? product.name().es() : product.name().en();
                if (name == null || suggestions.size() >= limit) {
                    continue;
                }
                List<String> nameWords = analyzers.words(name);
                if ((fuzzy && lang.equals(language)) || startsAWord(nameWords, words)) {
                    if (seen.add(String.join(" ", nameWords))) {
                        suggestions.add(new Suggestion(name, Suggestion.Kind.PRODUCT, product.slug(), lang));
                    }
                }
            }
        }
    }

    private static boolean startsAWord(List<String> nameWords, List<String> typed) {
        for (int i = 0; i < typed.size() - 1; i++) {
            if (!nameWords.contains(typed.get(i))) {
                return false;
            }
        }
        String last = typed.get(typed.size() - 1);
        return nameWords.stream().anyMatch(word -> word.startsWith(last));
    }

    private List<Suggestion> categorySuggestions(ProductIndex.FacetedSearcher searcher, String typed, String language) {
        List<Suggestion> found = new ArrayList<>();
        for (String slug : searcher.present(FacetValue.CATEGORY)) {
            labels.category(slug).ifPresent(node -> {
                String name = node.name().in(language);
                if (found.size() < CATEGORY_SUGGESTIONS && (wordPrefix(name, typed)
                        || wordPrefix(node.name().in(LocalizedText.ENGLISH.equals(language)
                                ? LocalizedText.SPANISH : LocalizedText.ENGLISH), typed))) {
                    found.add(new Suggestion(name, Suggestion.Kind.CATEGORY, slug, language));
                }
            });
        }
        return found;
    }

    private List<Suggestion> brandSuggestions(ProductIndex.FacetedSearcher searcher, String typed) {
        List<Suggestion> found = new ArrayList<>();
        for (String slug : searcher.present(FacetValue.BRAND)) {
            String name = labels.brandName(slug);
            if (found.size() < BRAND_SUGGESTIONS && wordPrefix(name, typed)) {
                found.add(new Suggestion(name, Suggestion.Kind.BRAND, slug, null));
            }
        }
        return found;
    }

    /** Whether the folded text has a word that starts what was typed: "caf" in "Granos de café", "de caf" too. */
    private boolean wordPrefix(String text, String typedFolded) {
        return text != null && (" " + String.join(" ", analyzers.words(text))).contains(" " + typedFolded);
    }
}
