package io.tienda.product.demo;

import io.tienda.product.catalog.domain.ProductDraft.Amount;
import io.tienda.product.catalog.domain.ProductDraft.ImageDraft;
import io.tienda.product.catalog.domain.ProductDraft.SeoDraft;
import io.tienda.product.catalog.domain.ProductDraft.Text;
import io.tienda.product.catalog.domain.ProductDraft.VariantDraft;
import io.tienda.product.catalog.domain.ProductDraft;
import io.tienda.product.shared.domain.Shop;
import io.tienda.product.shared.domain.Slugs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Products beyond the curated ones, for catalogs of benchmark size: the n-th product is always the
 * same (its random numbers are seeded by n), in Spanish and English, made of the vocabulary of its
 * category so that searching for "auriculares", "lino" or "Rioja" finds what it should.
 */
final class GeneratedCatalog {

    private final CatalogFile.Vocabulary vocabulary;
    private final List<String> leaves;
    private final Map<String, String> categoryIds;
    private final Map<String, List<String>> brandIdsByCategory;

    /**
     * @param brandIdsByCategory the brands the curated catalog sells in each leaf category; the
     *                           generated products of a category are of those brands
     */
    GeneratedCatalog(CatalogFile.Vocabulary vocabulary, Map<String, String> categoryIds,
            Map<String, List<String>> brandIdsByCategory) {
        this.vocabulary = vocabulary;
        this.leaves = new ArrayList<>(vocabulary.leaves().keySet());
        this.categoryIds = categoryIds;
        this.brandIdsByCategory = brandIdsByCategory;
    }

    static String id(int n) {
        return CatalogFile.id("generated", Integer.toString(n));
    }

    DemoProduct product(int n) {
        SplittableRandom random = new SplittableRandom(0x7131_4E4DAL ^ (n * 0x9E37_79B9_7F4A_7C15L));
        String leafSlug = leaves.get(n % leaves.size());
        CatalogFile.Leaf leaf = vocabulary.leaves().get(leafSlug);
        List<String> noun = pick(random, leaf.nouns());
        List<String> feature = pick(random, leaf.features());
        List<String> use = pick(random, leaf.uses());
        String series = pick(random, vocabulary.series());
        List<String> brands = brandIdsByCategory.getOrDefault(leafSlug, List.of());
        String brandId = brands.isEmpty() ? null : brands.get(random.nextInt(brands.size()));
        String code = Integer.toString(n, 36).toUpperCase(Locale.ROOT);

        String es;
        String en;
        if (leaf.title()) {
            es = noun.get(0) + " " + series + ": " + feature.get(0);
            en = noun.get(1) + " " + series + ": " + feature.get(1);
        } else {
            int number = 100 + random.nextInt(900);
            es = noun.get(0) + " " + series + " " + number + " " + feature.get(0);
            en = series + " " + number + " " + noun.get(1) + " " + feature.get(1);
        }
        String descriptionEs = capitalized(noun.get(0).toLowerCase(Locale.ROOT)) + " " + series + ", "
                + feature.get(0) + ". Pensado para " + use.get(0) + ".";
        String descriptionEn = capitalized(noun.get(1)) + " " + series + ", " + feature.get(1) + ". Made for "
                + use.get(1) + ".";
        String slug = Slugs.of(es, "producto") + "-" + code.toLowerCase(Locale.ROOT);

        long low = leaf.price().get(0);
        long high = leaf.price().get(1);
        double skew = random.nextDouble();
        // most products are cheap, a few expensive, like a real assortment; prices end in 99 cents
        long price = Math.max(99, (low + (long) ((high - low) * skew * skew)) / 100 * 100 + 99);
        Long compareAt = random.nextInt(100) < 15 ? CuratedCatalog.wasPrice(price) : null;

        List<VariantDraft> variants = new ArrayList<>();
        int index = 1;
        for (Map<String, String> attributes : CuratedCatalog.combinations(axes(random, leaf.axes()))) {
            variants.add(new VariantDraft("G" + code + "-" + index++, attributes, null, null));
        }
        ProductDraft draft = new ProductDraft(slug, new Text(es, capitalized(en)), new Text(descriptionEs, descriptionEn),
                categoryIds.get(leafSlug), brandId, new Amount(price, Shop.CURRENCY),
                compareAt == null ? null : new Amount(compareAt, Shop.CURRENCY),
                List.of(new ImageDraft(CuratedCatalog.IMAGES + slug + ".jpg", new Text(es, capitalized(en)))),
                variants, true, random.nextInt(100) < 2, new SeoDraft(null, null));
        return new DemoProduct(id(n), draft);
    }

    /** One or two of the leaf's axes, with one to three of their values each: at most nine variants. */
    private static Map<String, List<String>> axes(SplittableRandom random, Map<String, List<String>> all) {
        Map<String, List<String>> chosen = new LinkedHashMap<>();
        int wanted = all.size() == 1 ? 1 : 1 + random.nextInt(2);
        List<String> names = new ArrayList<>(all.keySet());
        for (int i = 0; i < wanted && !names.isEmpty(); i++) {
            String name = names.remove(random.nextInt(names.size()));
            List<String> values = new ArrayList<>(all.get(name));
            List<String> picked = new ArrayList<>();
            int count = Math.min(values.size(), 1 + random.nextInt(3));
            for (int v = 0; v < count; v++) {
                picked.add(values.remove(random.nextInt(values.size())));
            }
            chosen.put(name, picked);
        }
        return chosen;
    }

    private static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
