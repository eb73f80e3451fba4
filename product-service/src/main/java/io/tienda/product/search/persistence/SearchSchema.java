package io.tienda.product.search.persistence;

import io.tienda.product.brand.domain.BrandRef;
import io.tienda.product.catalog.domain.Product;
import io.tienda.product.catalog.domain.Variant;
import io.tienda.product.search.domain.CategoryLevel;
import io.tienda.product.search.domain.FacetValue;
import io.tienda.product.shared.domain.LocalizedText;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one place that knows how a product becomes a Lucene document: the field names, how each is
 * indexed, and the facet configuration. Queries, filters, sorts and facet counts use these names.
 */
final class SearchSchema {

    // identity and lookups
    static final String ID = "id";
    static final String SKU = "sku";
    static final String STORED = "product";

    // text: stemmed per language, and folded words for exact, prefix, fuzzy and phrase matching
    static final String NAME_ES = "name_es";
    static final String NAME_EN = "name_en";
    static final String NAME_WORDS = "name_words";
    static final String DESCRIPTION_ES = "description_es";
    static final String DESCRIPTION_EN = "description_en";
    static final String BRAND_WORDS = "brand_words";
    static final String CATEGORY_ES = "category_es";
    static final String CATEGORY_EN = "category_en";
    static final String CATEGORY_WORDS = "category_words";

    // filters, sorts and facets
    static final String CATEGORY = "category";
    static final String BRAND = "brand";
    static final String PRICE = "price";
    static final String RATING = "rating";
    static final String RATING_COUNT = "rating_count";
    static final String IN_STOCK = "in_stock";
    static final String IN_STOCK_RANK = "in_stock_rank";
    static final String FEATURED = "featured";
    static final String CREATED = "created";
    static final String ATTRIBUTES = "attributes";

    /**
     * Facets as SortedSetDocValues (no taxonomy index to keep in step). A product counts under every
     * category of its branch, so a category's count includes its descendants; the tree itself comes
     * from the lineages kept in {@link IndexLabels}. Price and rating are range facets over doc values.
     */
    static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        config.setMultiValued(FacetValue.CATEGORY, true);
        for (String dim : List.of(FacetValue.CATEGORY, FacetValue.BRAND, FacetValue.IN_STOCK)) {
            // filters use the plain fields above; drill-down terms would only take space
            config.setDrillDownTermsIndexing(dim, FacetsConfig.DrillDownTermsIndexing.NONE);
        }
        return config;
    }

    /** Variant attributes, one position per variant, so that a filter can ask for one variant having them all. */
    private static final FieldType ATTRIBUTES_TYPE = new FieldType();

    static {
        ATTRIBUTES_TYPE.setTokenized(true);
        ATTRIBUTES_TYPE.setOmitNorms(true);
        ATTRIBUTES_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        ATTRIBUTES_TYPE.freeze();
    }

    private final FacetsConfig facets = facetsConfig();

    FacetsConfig facets() {
        return facets;
    }

    /** The document of an active product; {@code stored} is what hits are read back from. */
    Document document(Product product, List<CategoryLevel> lineage, byte[] stored) {
        Document doc = new Document();
        doc.add(new StringField(ID, product.id(), Field.Store.NO));
        doc.add(new SortedDocValuesField(ID, new BytesRef(product.id())));
        doc.add(new StoredField(STORED, stored));
        for (Variant variant : product.variants()) {
            doc.add(new StringField(SKU, variant.sku(), Field.Store.NO));
        }

        text(doc, NAME_ES, NAME_EN, product.name());
        words(doc, NAME_WORDS, product.name());
        text(doc, DESCRIPTION_ES, DESCRIPTION_EN, product.description());

        BrandRef brand = product.brand();
        if (brand != null) {
            if (brand.name() != null) {
                doc.add(new TextField(BRAND_WORDS, brand.name(), Field.Store.NO));
            }
            if (brand.slug() != null) {
                doc.add(new StringField(BRAND, brand.slug(), Field.Store.NO));
                doc.add(new SortedSetDocValuesFacetField(FacetValue.BRAND, brand.slug()));
            }
        }
        for (CategoryLevel level : lineage) {
            text(doc, CATEGORY_ES, CATEGORY_EN, level.name());
            words(doc, CATEGORY_WORDS, level.name());
            doc.add(new StringField(CATEGORY, level.slug(), Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField(FacetValue.CATEGORY, level.slug()));
        }

        long price = product.fromPrice().amount();
        doc.add(new LongPoint(PRICE, price));
        doc.add(new NumericDocValuesField(PRICE, price));
        double rating = product.rating().count() > 0 ? product.rating().average() : 0;
        doc.add(new DoublePoint(RATING, rating));
        doc.add(new DoubleDocValuesField(RATING, rating));
        doc.add(new NumericDocValuesField(RATING_COUNT, product.rating().count()));
        String inStock = Boolean.toString(product.inStock());
        doc.add(new StringField(IN_STOCK, inStock, Field.Store.NO));
        doc.add(new NumericDocValuesField(IN_STOCK_RANK, product.inStock() ? 1 : 0));
        doc.add(new SortedSetDocValuesFacetField(FacetValue.IN_STOCK, inStock));
        doc.add(new StringField(FEATURED, Boolean.toString(product.featured()), Field.Store.NO));
        doc.add(new NumericDocValuesField(CREATED,
                product.createdAt() == null ? 0 : product.createdAt().toEpochMilli()));

        List<List<String>> attributes = product.variants().stream()
                .map(variant -> variant.attributes().entrySet().stream()
                        .map(e -> attribute(e.getKey(), e.getValue())).toList())
                .filter(tokens -> !tokens.isEmpty())
                .toList();
        if (!attributes.isEmpty()) {
            doc.add(new Field(ATTRIBUTES, new StackedTokens(attributes), ATTRIBUTES_TYPE));
        }
        try {
            return facets.build(doc);
        } catch (IOException e) {
            throw new UncheckedIOException("SortedSet facets need no taxonomy and cannot fail", e);
        }
    }

    /** The token an attribute is indexed and filtered as; names and values ignore case and surrounding blanks. */
    static String attribute(String name, String value) {
        return name.strip().toLowerCase(Locale.ROOT) + "=" + (value == null ? "" : value.strip().toLowerCase(Locale.ROOT));
    }

    private static void text(Document doc, String spanishField, String englishField, LocalizedText text) {
        if (text == null) {
            return;
        }
        if (text.es() != null) {
            doc.add(new TextField(spanishField, text.es(), Field.Store.NO));
        }
        if (text.en() != null) {
            doc.add(new TextField(englishField, text.en(), Field.Store.NO));
        }
    }

    private static void words(Document doc, String field, LocalizedText text) {
        Set<String> languages = new LinkedHashSet<>();
        if (text.es() != null) {
            languages.add(text.es());
        }
        if (text.en() != null) {
            languages.add(text.en());
        }
        for (String value : languages) {
            doc.add(new TextField(field, value, Field.Store.NO));
        }
    }

    /** Each group's tokens at one position; groups one position apart. */
    private static final class StackedTokens extends TokenStream {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final List<List<String>> groups;
        private Iterator<List<String>> nextGroup;
        private Iterator<String> inGroup;
        private boolean firstOfGroup;

        StackedTokens(List<List<String>> groups) {
            this.groups = groups;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            nextGroup = groups.iterator();
            inGroup = null;
        }

        @Override
        public boolean incrementToken() {
            while (inGroup == null || !inGroup.hasNext()) {
                if (!nextGroup.hasNext()) {
                    return false;
                }
                inGroup = nextGroup.next().iterator();
                firstOfGroup = true;
            }
            clearAttributes();
            term.append(inGroup.next());
            increment.setPositionIncrement(firstOfGroup ? 1 : 0);
            firstOfGroup = false;
            return true;
        }
    }
}
