package io.tienda.product.search.persistence;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns what a shopper typed into a relevance query. Text is only ever analyzed into terms, never
 * parsed as query syntax, so "(", "*:*" or "AND" are just words.
 *
 * <p>Each word scores by where and how it matches, the best match counting (dis-max):
 * <pre>
 *   name, exact word or same stem (es or en) ... 10     brand name, exact ............... 8
 *   category name, exact or same stem ........... 6     name word starting with it ...... 5
 *   description, same stem ...................... 3     name word one edit away ......... 2
 *   brand or category word one edit away ........ 1.5   name word two edits away ........ 1
 * </pre>
 * so a name match beats a description match, and exact and prefix matches beat typos. Typos are
 * tolerated from 4 letters (one edit) and 8 letters (two edits); the first letter must be right,
 * which keeps fuzzy matching cheap and plausible. On top come a bonus for the words as a phrase in
 * the name and a small BM25 score on the names, which prefers shorter names among equals.
 *
 * <p>Every word must match somewhere, except one of three or more. Words that mean nothing in
 * either language ("de", "the") are left out unless nothing else is left.
 */
final class TextQueries {

    static final int MAX_WORDS = 10;

    private final SearchAnalyzers analyzers;

    TextQueries(SearchAnalyzers analyzers) {
        this.analyzers = analyzers;
    }

    /** The words of {@code text} that a query is built from. */
    List<String> words(String text) {
        List<String> all = analyzers.words(text);
        List<String> meaningful = all.stream().filter(word -> !SearchAnalyzers.isStopWord(word)).toList();
        List<String> words = meaningful.isEmpty() ? all : meaningful;
        return words.size() > MAX_WORDS ? words.subList(0, MAX_WORDS) : words;
    }

    /**
     * The query for {@code text}: strict needs every word (all but one from three words on);
     * relaxed needs half of them, for a second try when the strict query finds nothing.
     */
    Query query(String text, boolean strict) {
        List<String> words = words(text);
        if (words.isEmpty()) {
            // nothing typed browses everything; only punctuation typed ("(", "*:*") finds nothing
            return text == null || text.isBlank() ? new MatchAllDocsQuery() : new MatchNoDocsQuery();
        }
        BooleanQuery.Builder matching = new BooleanQuery.Builder();
        for (String word : words) {
            matching.add(word(word), BooleanClause.Occur.SHOULD);
        }
        int n = words.size();
        matching.setMinimumNumberShouldMatch(strict ? (n >= 3 ? n - 1 : n) : Math.max(1, n / 2));

        BooleanQuery.Builder query = new BooleanQuery.Builder();
        query.add(matching.build(), BooleanClause.Occur.MUST);
        if (n >= 2) {
            PhraseQuery.Builder phrase = new PhraseQuery.Builder().setSlop(2);
            words.forEach(word -> phrase.add(new Term(SearchSchema.NAME_WORDS, word)));
            query.add(constant(phrase.build(), 5), BooleanClause.Occur.SHOULD);
        }
        query.add(new BoostQuery(bm25OnNames(words), 0.3f), BooleanClause.Occur.SHOULD);
        return query.build();
    }

    /** Whether a second, relaxed try could find more than the strict one. */
    boolean relaxable(String text) {
        return words(text).size() >= 2;
    }

    private Query word(String word) {
        String spanish = analyzers.spanishStem(word);
        String english = analyzers.englishStem(word);
        List<Query> ways = new ArrayList<>();

        ways.add(constant(anyOf(
                term(SearchSchema.NAME_WORDS, word),
                spanish == null ? null : term(SearchSchema.NAME_ES, spanish),
                english == null ? null : term(SearchSchema.NAME_EN, english)), 10));
        ways.add(constant(term(SearchSchema.BRAND_WORDS, word), 8));
        ways.add(constant(anyOf(
                term(SearchSchema.CATEGORY_WORDS, word),
                spanish == null ? null : term(SearchSchema.CATEGORY_ES, spanish),
                english == null ? null : term(SearchSchema.CATEGORY_EN, english)), 6));
        if (spanish != null || english != null) {
            ways.add(constant(anyOf(
                    spanish == null ? null : term(SearchSchema.DESCRIPTION_ES, spanish),
                    english == null ? null : term(SearchSchema.DESCRIPTION_EN, english)), 3));
        }
        int length = word.codePointCount(0, word.length());
        if (length >= 3) {
            ways.add(constant(new PrefixQuery(new Term(SearchSchema.NAME_WORDS, word)), 5));
        }
        if (length >= 4) {
            ways.add(constant(fuzzy(SearchSchema.NAME_WORDS, word, 1), 2));
            ways.add(constant(anyOf(fuzzy(SearchSchema.BRAND_WORDS, word, 1),
                    fuzzy(SearchSchema.CATEGORY_WORDS, word, 1)), 1.5f));
        }
        if (length >= 8) {
            ways.add(constant(fuzzy(SearchSchema.NAME_WORDS, word, 2), 1));
        }
        return new DisjunctionMaxQuery(ways, 0.1f);
    }

    private Query bm25OnNames(List<String> words) {
        BooleanQuery.Builder names = new BooleanQuery.Builder();
        for (String word : words) {
            String spanish = analyzers.spanishStem(word);
            String english = analyzers.englishStem(word);
            if (spanish != null) {
                names.add(term(SearchSchema.NAME_ES, spanish), BooleanClause.Occur.SHOULD);
            }
            if (english != null) {
                names.add(term(SearchSchema.NAME_EN, english), BooleanClause.Occur.SHOULD);
            }
        }
        return names.build();
    }

    private static Query fuzzy(String field, String word, int edits) {
        // scored as a constant anyway, so no top-terms rewrite: every close term counts, and a
        // query never grows past the clause limit however many terms are close
        return new FuzzyQuery(new Term(field, word), edits, 1, FuzzyQuery.defaultMaxExpansions, true,
                MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE);
    }

    private static Query term(String field, String value) {
        return new TermQuery(new Term(field, value));
    }

    private static Query anyOf(Query... queries) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (Query query : queries) {
            if (query != null) {
                any.add(query, BooleanClause.Occur.SHOULD);
            }
        }
        return any.build();
    }

    private static Query constant(Query query, float score) {
        return new BoostQuery(new ConstantScoreQuery(query), score);
    }
}
