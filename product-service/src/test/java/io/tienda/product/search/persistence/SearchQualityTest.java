package io.tienda.product.search.persistence;

import io.tienda.product.catalog.domain.Product;
import io.tienda.product.catalog.domain.ProductFilter;
import io.tienda.product.catalog.domain.ProductSort;
import io.tienda.product.search.domain.FacetValue;
import io.tienda.product.search.domain.ProductSearch;
import io.tienda.product.search.domain.SearchRequest;
import io.tienda.product.search.domain.SearchResult;
import io.tienda.product.search.domain.Suggestion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * What shoppers type and what they must find: the bilingual fixture shop indexed with the real
 * engine (in memory, no Spring), queries with typos, missing accents, singular and plural, English
 * stems and brands, with exact facet counts and filters composed with the text.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchQualityTest {

    private static final List<Long> PRICE_BOUNDS = List.of(2_000L, 5_000L, 10_000L, 20_000L);

    private final SearchFixture shop = new SearchFixture();
    private SearchEngine engine;
    private ProductSearch search;

    @BeforeAll
    void index() {
        engine = SearchEngine.inMemory(PRICE_BOUNDS, shop, shop, Clock.systemUTC());
        engine.indexer().rebuild();
        search = engine.search();
    }

    @AfterAll
    void close() {
        engine.close();
    }

    @ParameterizedTest(name = "{0}: \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            typo, missing letter        | auriculares inalambicos | auriculares-inalambricos-pro auriculares-inalambricos-sport
            typo, missing letter        | zapatilas               | zapatillas-running-air
            typo, English               | headphnes               | auriculares-inalambricos-pro auriculares-cable
            typo, swapped letters       | cafetrea                | cafetera-italiana cafetera-express
            no accent                   | cafe molido             | cafe-molido-colombia cafe-molido-descafeinado
            no accent                   | camion                  | camion-juguete camion-bomberos
            no accent                   | termo acero inoxidable  | termo-acero
            accent where none is        | cámiseta                | camiseta-algodon
            Spanish singular            | zapatilla               | zapatillas-casual
            Spanish singular            | camiseta                | camiseta-algodon camisetas-termicas camiseta-tecnica
            Spanish plural              | camisetas               | camiseta-algodon camisetas-termicas camiseta-tecnica
            Spanish plural              | botas                   | botas-montana botas-agua
            English stem                | running shoes           | zapatillas-running-air zapatillas-trail zapatillas-running-mujer
            English stem                | headphone               | auriculares-inalambricos-pro auriculares-cable auriculares-diadema
            English stem                | run                     | zapatillas-running-air
            English plural              | trucks                  | camion-juguete camion-bomberos
            English name                | coffee beans            | cafe-grano-etiopia cafe-grano-brasil
            brand                       | sonora                  | auriculares-inalambricos-pro auriculares-inalambricos-sport altavoz-bluetooth
            brand with an accent        | casa nordica            | termo-acero
            brand and product           | velox camiseta          | camiseta-tecnica
            category name               | juguetes                | camion-juguete camion-bomberos
            word starting a name        | auricu                  | auriculares-inalambricos-pro
            stop words kept out         | botas de agua           | botas-agua
            words the shop lacks        | auriculares baratos     | auriculares-inalambricos-sport
            """)
    void findsWhatTheShopperMeant(String why, String query, String expected) {
        List<String> top3 = slugs(search(query)).stream().limit(3).toList();
        assertThat(top3).as("top 3 for \"%s\" (%s)", query, why).containsAll(Arrays.asList(expected.split(" ")));
    }

    @Test
    void ranksProductsWhoseNameMatchesAboveThoseWhoseDescriptionDoes() {
        List<String> hits = slugs(search("termo"));
        assertThat(hits).startsWith("termo-acero").contains("mochila-urbana");
        List<String> running = slugs(search("running"));
        assertThat(running.indexOf("reloj-deportivo")).as("description only").isGreaterThan(4);
        assertThat(running.subList(0, 5)).allSatisfy(slug -> assertThat(shop.get(slug).name().en()).containsIgnoringCase("running"));
    }

    @Test
    void ranksExactAndPrefixMatchesAboveTypos() {
        // "cafe" is exact for Café products and a prefix of cafetera; "cafe" is one edit from nothing better
        List<String> hits = slugs(search("cafe"));
        assertThat(hits.subList(0, 3)).allSatisfy(slug -> assertThat(shop.get(slug).name().es()).contains("Café"));
        assertThat(hits).contains("cafetera-italiana");
        assertThat(hits.indexOf("cafetera-italiana")).isGreaterThan(hits.indexOf("libro-cafe"));
        // "botas" is exact, "bota"/"botas" one edit from "bolsas" would be fuzzy: exact ones first
        assertThat(slugs(search("zapatillas")).subList(0, 5))
                .allSatisfy(slug -> assertThat(shop.get(slug).name().es()).startsWith("Zapatilla"));
    }

    @Test
    void neverFindsInactiveProducts() {
        assertThat(slugs(search("antiguos"))).isEmpty();
        assertThat(slugs(search("auriculares"))).doesNotContain("auriculares-antiguos");
    }

    @ParameterizedTest
    @ValueSource(strings = {"(", ")", "*:*", "AND", "OR NOT", "\"", "name:cafe", "cafe~2", "[1 TO 5]", "\\", "+-!^",
            "{}", "café AND (", "/regex/", "?", "*", "&&", "||"})
    void takesQuerySyntaxAsText(String typed) {
        assertThatCode(() -> search(typed)).doesNotThrowAnyException();
        assertThatCode(() -> search.suggest(typed, "es", 10)).doesNotThrowAnyException();
    }

    @Test
    void findsNothingForPunctuationAlone() {
        assertThat(search("*:*")).isEmpty();
        assertThat(search("( )")).isEmpty();
        assertThat(search("\"café\"")).isNotEmpty();
    }

    @Test
    void countsFacetsOfTheHits() {
        SearchResult result = search.search(SearchRequest.of("auriculares", 0, 20));
        assertThat(result.hits().total()).isEqualTo(4);
        assertThat(counts(result, FacetValue.BRAND)).isEqualTo(Map.of("audiofy", 2L, "sonora", 2L));
        assertThat(counts(result, FacetValue.CATEGORY)).isEqualTo(Map.of("electronica", 4L));
        assertThat(counts(result, FacetValue.IN_STOCK)).isEqualTo(Map.of("true", 3L, "false", 1L));
        assertThat(counts(result, FacetValue.PRICE))
                .isEqualTo(ordered("*-2000", 1L, "5000-10000", 2L, "10000-20000", 1L));
        assertThat(counts(result, FacetValue.RATING)).isEqualTo(ordered("4", 3L, "3", 4L, "2", 4L, "1", 4L));
        FacetValue cheap = result.facets().get(FacetValue.PRICE).get(0);
        assertThat(cheap.label()).isEqualTo("< 20 €");
        assertThat(cheap.select()).isEqualTo(Map.of("maxPrice", "1999"));
        assertThat(result.facets().get(FacetValue.PRICE).get(1).select())
                .isEqualTo(Map.of("minPrice", "5000", "maxPrice", "9999"));
        assertThat(result.facets().get(FacetValue.BRAND).get(0).label()).isEqualTo("Audiofy");
    }

    @Test
    void expandsTheCategoryTreeAlongTheSelectedCategory() {
        SearchResult result = search.search(SearchRequest.of("cafe", 0, 20)
                .withFilter(filter("cafe", null, null, null, null)));
        List<FacetValue> categories = result.facets().get(FacetValue.CATEGORY);
        assertThat(categories).extracting(FacetValue::value)
                .containsExactly("alimentacion", "cafe", "cafe-en-grano", "cafe-molido", "hogar", "libros");
        assertThat(categories).extracting(FacetValue::count).containsExactly(5L, 5L, 2L, 2L, 5L, 1L);
        assertThat(categories.get(0).depth()).isZero();
        assertThat(categories.get(1)).satisfies(cafe -> {
            assertThat(cafe.label()).isEqualTo("Café");
            assertThat(cafe.parent()).isEqualTo("alimentacion");
            assertThat(cafe.depth()).isEqualTo(1);
            assertThat(cafe.count()).isEqualTo(5);
        });
        assertThat(categories.get(2).depth()).isEqualTo(2);
        assertThat(categories.get(2).parent()).isEqualTo("cafe");
        // the English label when asked for
        SearchResult english = search.search(new SearchRequest("cafe", filter("cafe", null, null, null, null), null,
                ProductSort.RELEVANCE, "en", 0, 20));
        assertThat(english.facets().get(FacetValue.CATEGORY).get(1).label()).isEqualTo("Coffee");
    }

    @Test
    void countsEachFacetWithoutItsOwnFilter() {
        SearchResult result = search.search(SearchRequest.of("auriculares", 0, 20)
                .withFilter(filter(null, "sonora", null, null, null)));
        assertThat(result.hits().total()).isEqualTo(2);
        assertThat(counts(result, FacetValue.BRAND)).as("drill-sideways").isEqualTo(Map.of("audiofy", 2L, "sonora", 2L));
        assertThat(counts(result, FacetValue.IN_STOCK)).isEqualTo(Map.of("true", 2L));
        assertThat(counts(result, FacetValue.PRICE)).isEqualTo(ordered("5000-10000", 1L, "10000-20000", 1L));

        SearchResult inStock = search.search(SearchRequest.of("auriculares", 0, 20)
                .withFilter(filter(null, null, null, null, true)));
        assertThat(inStock.hits().total()).isEqualTo(3);
        assertThat(counts(inStock, FacetValue.IN_STOCK)).isEqualTo(Map.of("true", 3L, "false", 1L));
        assertThat(counts(inStock, FacetValue.BRAND)).isEqualTo(Map.of("audiofy", 1L, "sonora", 2L));
    }

    @Test
    void composesTextCategorySubtreePriceAndStockSortedByPrice() {
        SearchResult result = search.search(SearchRequest.of("cafe", 0, 20)
                .withFilter(filter("cafe", null, 500L, 2_500L, true))
                .withSort(ProductSort.PRICE_ASC));
        assertThat(slugs(result)).containsExactly("cafe-capsulas", "cafe-molido-colombia", "cafe-molido-descafeinado",
                "cafe-grano-etiopia");
        assertThat(result.hits().total()).isEqualTo(4);

        // a parent category includes every descendant
        SearchResult food = search.search(SearchRequest.of("cafe", 0, 20)
                .withFilter(filter("alimentacion", null, null, null, null)));
        assertThat(slugs(food)).contains("cafe-molido-colombia", "cafe-grano-brasil", "cafe-capsulas")
                .doesNotContain("cafetera-italiana", "libro-cafe");

        SearchResult dear = search.search(SearchRequest.of("cafe", 0, 20).withSort(ProductSort.PRICE_DESC));
        assertThat(slugs(dear).get(0)).isEqualTo("cafetera-express");
    }

    @Test
    void sortsByNewestAndByRating() {
        assertThat(slugs(search.search(SearchRequest.of("auriculares", 0, 20).withSort(ProductSort.NEWEST))))
                .containsExactly("auriculares-diadema", "auriculares-cable", "auriculares-inalambricos-sport",
                        "auriculares-inalambricos-pro");
        assertThat(slugs(search.search(SearchRequest.of("auriculares", 0, 20).withSort(ProductSort.RATING))))
                .containsExactly("auriculares-inalambricos-pro", "auriculares-diadema", "auriculares-inalambricos-sport",
                        "auriculares-cable");
    }

    @Test
    void filtersByRatingFeaturedAndAttributesOfOneVariant() {
        SearchResult good = search.search(SearchRequest.of("auriculares", 0, 20).withMinRating(4));
        assertThat(good.hits().total()).isEqualTo(3);
        assertThat(counts(good, FacetValue.RATING)).as("drill-sideways").containsEntry("3", 4L);

        SearchResult featured = search.search(SearchRequest.of("zapatillas", 0, 20)
                .withFilter(new ProductFilter(null, null, null, null, Map.of(), null, true)));
        assertThat(slugs(featured)).containsExactlyInAnyOrder("zapatillas-running-air", "zapatillas-running-mujer");

        SearchResult sameVariant = search.search(SearchRequest.of("camiseta", 0, 20)
                .withFilter(new ProductFilter(null, null, null, null, Map.of("size", "m", "Color", " blue"), null, null)));
        assertThat(sameVariant.hits().total()).isEqualTo(3);
        SearchResult noSuchVariant = search.search(SearchRequest.of("camiseta", 0, 20)
                .withFilter(new ProductFilter(null, null, null, null, Map.of("size", "M", "color", "Red"), null, null)));
        assertThat(noSuchVariant.hits().total()).as("M is blue, L is red").isZero();
        SearchResult oneAttribute = search.search(SearchRequest.of("camiseta", 0, 20)
                .withFilter(new ProductFilter(null, null, null, null, Map.of("color", "Red"), null, null)));
        assertThat(oneAttribute.hits().total()).isEqualTo(3);
    }

    @Test
    void pagesThroughHits() {
        SearchResult all = search.search(SearchRequest.of("zapatillas", 0, 100));
        SearchResult second = search.search(SearchRequest.of("zapatillas", 1, 2));
        assertThat(second.hits().total()).isEqualTo(all.hits().total());
        assertThat(slugs(second)).containsExactlyElementsOf(slugs(all).subList(2, 4));
        assertThat(search.search(SearchRequest.of("zapatillas", 50, 20)).hits().items()).isEmpty();
    }

    @Test
    void answersEveryFacetEvenWithoutHits() {
        SearchResult none = search.search(SearchRequest.of("xylophone", 0, 20));
        assertThat(none.hits().total()).isZero();
        assertThat(none.facets()).containsOnlyKeys(FacetValue.CATEGORY, FacetValue.BRAND, FacetValue.PRICE,
                FacetValue.RATING, FacetValue.IN_STOCK);
        assertThat(none.facets().values()).allSatisfy(values -> assertThat(values).isEmpty());
    }

    @Test
    void suggestsCategoriesBrandsAndNamesWhileTyping() {
        List<Suggestion> caf = search.suggest("caf", "es", 10);
        assertThat(caf).hasSizeLessThanOrEqualTo(10);
        assertThat(caf.get(0)).isEqualTo(new Suggestion("Café", Suggestion.Kind.CATEGORY, "cafe", "es"));
        assertThat(caf).extracting(Suggestion::text).contains("Café molido de Colombia 250 g");
        assertThat(caf).filteredOn(s -> s.type() == Suggestion.Kind.BRAND).extracting(Suggestion::slug)
                .contains("la-estrella");

        assertThat(search.suggest("molid", "es", 10)).extracting(Suggestion::text)
                .contains("Café molido de Colombia 250 g", "Café molido descafeinado");
        assertThat(search.suggest("cafe mol", "es", 10)).extracting(Suggestion::text)
                .contains("Café molido de Colombia 250 g").doesNotContain("Café en grano Brasil");
        assertThat(search.suggest("headph", "en", 10)).extracting(Suggestion::text)
                .contains("Noise cancelling wireless headphones", "Studio over-ear headphone");
        assertThat(search.suggest("headph", "en", 10)).filteredOn(s -> s.type() == Suggestion.Kind.PRODUCT)
                .allSatisfy(s -> assertThat(s.language()).isEqualTo("en"));
        assertThat(search.suggest("camion", "es", 10)).extracting(Suggestion::slug)
                .contains("camion-juguete", "camion-bomberos");
        assertThat(search.suggest("auriculres", "es", 10)).as("typo").isNotEmpty();
        assertThat(search.suggest("a", "es", 3)).hasSize(3);
        assertThat(search.suggest("zzzz", "es", 10)).isEmpty();
    }

    @Test
    void followsStockAndProductChanges() {
        SearchFixture changing = new SearchFixture();
        try (SearchEngine local = SearchEngine.inMemory(PRICE_BOUNDS, changing, changing, Clock.systemUTC())) {
            local.indexer().rebuild();
            ProductSearch localSearch = local.search();
            SearchRequest inStockDiadema = SearchRequest.of("diadema", 0, 20)
                    .withFilter(filter(null, null, null, null, true));
            assertThat(localSearch.search(inStockDiadema).hits().total()).isZero();

            local.indexer().apply(List.of(), List.of(
                    new io.tienda.product.search.domain.StockUpdate("AURICULARES-DIADEMA-L", 3, 7)));
            assertThat(localSearch.search(inStockDiadema).hits().total()).isEqualTo(1);

            local.indexer().apply(List.of(), List.of(
                    new io.tienda.product.search.domain.StockUpdate("AURICULARES-DIADEMA-L", 0, 6)));
            assertThat(localSearch.search(inStockDiadema).hits().total()).as("an older version is ignored").isEqualTo(1);

            // a product event re-reads the catalog, whose stock projection is behind: the newer stock stays
            local.indexer().apply(List.of("p-auriculares-diadema"), List.of());
            assertThat(localSearch.search(inStockDiadema).hits().total()).isEqualTo(1);

            changing.remove("p-auriculares-diadema");
            local.indexer().apply(List.of("p-auriculares-diadema"), List.of());
            assertThat(localSearch.search(SearchRequest.of("diadema", 0, 20)).hits().total()).isZero();
        }
    }

    @Test
    void buildsAgainWithoutLosingNewerStock() {
        SearchFixture changing = new SearchFixture();
        try (SearchEngine local = SearchEngine.inMemory(PRICE_BOUNDS, changing, changing, Clock.systemUTC())) {
            local.indexer().rebuild();
            local.indexer().apply(List.of(), List.of(
                    new io.tienda.product.search.domain.StockUpdate("CAFE-GRANO-BRASIL-M", 9, 2)));
            local.indexer().rebuild();
            SearchResult brasil = local.search().search(SearchRequest.of("brasil", 0, 20)
                    .withFilter(filter(null, null, null, null, true)));
            assertThat(slugs(brasil)).containsExactly("cafe-grano-brasil");
            assertThat(local.indexer().lastBuild().documents()).isEqualTo(changing.activeCount());
        }
    }

    @Test
    void storesWhatListsShow() {
        Product hit = search.search(SearchRequest.of("termo", 0, 1)).hits().items().get(0);
        Product source = shop.get("termo-acero");
        assertThat(hit.name()).isEqualTo(source.name());
        assertThat(hit.fromPrice()).isEqualTo(source.fromPrice());
        assertThat(hit.brand()).isEqualTo(source.brand());
        assertThat(hit.images()).isEqualTo(source.images());
        assertThat(hit.rating()).isEqualTo(source.rating());
        assertThat(hit.createdAt()).isEqualTo(source.createdAt());
        assertThat(hit.inStock()).isTrue();
    }

    private List<Product> search(String text) {
        return search.search(SearchRequest.of(text, 0, 50)).hits().items();
    }

    private static List<String> slugs(List<Product> products) {
        return products.stream().map(Product::slug).toList();
    }

    private static List<String> slugs(SearchResult result) {
        return slugs(result.hits().items());
    }

    private static ProductFilter filter(String category, String brand, Long minPrice, Long maxPrice, Boolean inStock) {
        return new ProductFilter(category, brand, minPrice, maxPrice, Map.of(), inStock, null);
    }

    private static Map<String, Long> counts(SearchResult result, String facet) {
        return result.facets().get(facet).stream()
                .collect(Collectors.toMap(FacetValue::value, FacetValue::count, (a, b) -> a, LinkedHashMap::new));
    }

    private static Map<String, Long> ordered(Object... pairs) {
        Map<String, Long> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Long) pairs[i + 1]);
        }
        return map;
    }
}
