package io.tienda.product.search.persistence;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The three ways text is analyzed, the same at index and at query time:
 * <ul>
 * <li>Spanish: lower case, Spanish stop words, accents folded, light stemming, which conflates
 * singular and plural ("zapatilla", "zapatillas") and masculine and feminine;</li>
 * <li>English: possessives dropped, lower case, English stop words, accents folded, Porter stemming
 * ("headphones" and "headphone", "running" and "run");</li>
 * <li>folded: lower case and accents folded only ("café" is "cafe"), the exact words of names,
 * brands and categories that prefix, fuzzy and phrase matching and suggestions work on.</li>
 * </ul>
 * Stop words are removed before folding because the stop lists are spelled with accents.
 */
final class SearchAnalyzers {

    final Analyzer spanish = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = new LowerCaseFilter(source);
            stream = new StopFilter(stream, SPANISH_STOP_WORDS);
            stream = new ASCIIFoldingFilter(stream);
            return new TokenStreamComponents(source, new SpanishLightStemFilter(stream));
        }

        @Override
        protected TokenStream normalize(String field, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    };

    final Analyzer english = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = new EnglishPossessiveFilter(source);
            stream = new LowerCaseFilter(stream);
            stream = new StopFilter(stream, ENGLISH_STOP_WORDS);
            stream = new ASCIIFoldingFilter(stream);
            return new TokenStreamComponents(source, new PorterStemFilter(stream));
        }

        @Override
        protected TokenStream normalize(String field, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    };

    final Analyzer folded = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, new ASCIIFoldingFilter(new LowerCaseFilter(source)));
        }

        /** A name's Spanish and English texts are two values of one field: no phrase may span both. */
        @Override
        public int getPositionIncrementGap(String field) {
            return 100;
        }

        @Override
        protected TokenStream normalize(String field, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    };

    static final CharArraySet SPANISH_STOP_WORDS = SpanishAnalyzer.getDefaultStopSet();
    static final CharArraySet ENGLISH_STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

    /** What the index writer analyzes each text field with; everything else is folded. */
    Analyzer perField() {
        return new PerFieldAnalyzerWrapper(folded, Map.of(
                SearchSchema.NAME_ES, spanish, SearchSchema.DESCRIPTION_ES, spanish, SearchSchema.CATEGORY_ES, spanish,
                SearchSchema.NAME_EN, english, SearchSchema.DESCRIPTION_EN, english, SearchSchema.CATEGORY_EN, english));
    }

    /** The terms {@code analyzer} makes of {@code text}. */
    static List<String> terms(Analyzer analyzer, String text) {
        List<String> terms = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return terms;
        }
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing in memory cannot fail", e);
        }
        return terms;
    }

    List<String> words(String text) {
        return terms(folded, text);
    }

    /** The Spanish stem of one folded word, or null for a Spanish stop word. */
    String spanishStem(String word) {
        List<String> stems = terms(spanish, word);
        return stems.isEmpty() ? null : stems.get(0);
    }

    /** The English stem of one folded word, or null for an English stop word. */
    String englishStem(String word) {
        List<String> stems = terms(english, word);
        return stems.isEmpty() ? null : stems.get(0);
    }

    /** A word that carries no meaning in either language ("de", "the", "con", "for"). */
    static boolean isStopWord(String word) {
        return SPANISH_STOP_WORDS.contains(word) || ENGLISH_STOP_WORDS.contains(word);
    }
}
