package io.tienda.product.demo;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The demo catalog's resources: {@code demo/catalog.json} (categories, brands and product
 * templates, each template one product per model) and {@code demo/vocabulary.json} (the words the
 * generator combines). Ids are derived from content, so every load names the same things the same.
 */
final class CatalogFile {

    static final String CATALOG = "demo/catalog.json";
    static final String VOCABULARY = "demo/vocabulary.json";

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    record Catalog(List<CategorySeed> categories, List<BrandSeed> brands, List<Template> products) {
    }

    record CategorySeed(String slug, String parent, String es, String en, int order) {

        String id() {
            return CatalogFile.id("category", slug);
        }
    }

    record BrandSeed(String slug, String name) {

        String id() {
            return CatalogFile.id("brand", slug);
        }
    }

    /**
     * One product per model: {@code {model}} in the names is replaced, the brand rotates, the price
     * climbs by {@code step}; the axes multiply into variants, {@code extra} adds to the price of a
     * variant with that attribute value.
     */
    record Template(String code, String category, List<String> brands, boolean featured, String es, String en,
            String des, String den, List<String> models, long price, long step, LinkedHashMap<String, List<String>> axes,
            Map<String, Long> extra) {

        Template {
            extra = extra == null ? Map.of() : extra;
            axes = axes == null ? new LinkedHashMap<>() : axes;
        }
    }

    record Vocabulary(List<String> series, LinkedHashMap<String, Leaf> leaves) {
    }

    /** The words of one leaf category; pairs are Spanish and English. */
    record Leaf(List<Long> price, boolean title, LinkedHashMap<String, List<String>> axes, List<List<String>> nouns,
            List<List<String>> features, List<List<String>> uses) {
    }

    private CatalogFile() {
    }

    static Catalog catalog() {
        return read(CATALOG, Catalog.class);
    }

    static Vocabulary vocabulary() {
        return read(VOCABULARY, Vocabulary.class);
    }

    /** A stable id for a demo entity: the same name gives the same UUID on every load and every machine. */
    static String id(String kind, String key) {
        return UUID.nameUUIDFromBytes(("tienda-demo:" + kind + ":" + key).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static <T> T read(String resource, Class<T> type) {
        try (InputStream in = CatalogFile.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return JSON.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
