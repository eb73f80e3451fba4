package io.tienda.product.demo;

import io.tienda.product.catalog.domain.ProductDraft.Amount;
import io.tienda.product.catalog.domain.ProductDraft.ImageDraft;
import io.tienda.product.catalog.domain.ProductDraft.SeoDraft;
import io.tienda.product.catalog.domain.ProductDraft.Text;
import io.tienda.product.catalog.domain.ProductDraft.VariantDraft;
import io.tienda.product.catalog.domain.ProductDraft;
import io.tienda.product.shared.domain.Shop;
import io.tienda.product.shared.domain.Slugs;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The hand-written part of the demo catalog: each template of {@code demo/catalog.json} expanded
 * into one product per model. Ordered model by model across templates, so that a catalog cut to
 * a few dozen products still spans every category.
 */
final class CuratedCatalog {

    static final String IMAGES = "https://images.tienda.local/";

    private CuratedCatalog() {
    }

    static List<DemoProduct> expand(CatalogFile.Catalog catalog, Map<String, String> categoryIds,
            Map<String, String> brandIds) {
        List<DemoProduct> products = new ArrayList<>();
        int most = catalog.products().stream().mapToInt(t -> t.models().size()).max().orElse(0);
        for (int model = 0; model < most; model++) {
            for (int t = 0; t < catalog.products().size(); t++) {
                CatalogFile.Template template = catalog.products().get(t);
                if (model < template.models().size()) {
                    products.add(product(template, t, model, categoryIds, brandIds));
                }
            }
        }
        return products;
    }

    private static DemoProduct product(CatalogFile.Template template, int t, int model,
            Map<String, String> categoryIds, Map<String, String> brandIds) {
        String modelName = template.models().get(model);
        String es = template.es().replace("{model}", modelName);
        String en = template.en().replace("{model}", modelName);
        String slug = Slugs.of(es, "producto");
        long price = template.price() + model * template.step();
        // every fourth product, shifted per template, is on sale against a 25 % higher "was" price
        Long compareAt = (t + model) % 4 == 1 ? wasPrice(price) : null;
        List<VariantDraft> variants = new ArrayList<>();
        String skuBase = template.code() + String.format(Locale.ROOT, "%02d", model + 1);
        for (Map<String, String> attributes : combinations(template.axes())) {
            long extra = attributes.values().stream().mapToLong(value -> template.extra().getOrDefault(value, 0L))
                    .sum();
            variants.add(new VariantDraft(sku(skuBase, attributes), attributes,
                    extra == 0 ? null : new Amount(price + extra, Shop.CURRENCY),
                    extra == 0 || compareAt == null ? null : new Amount(compareAt + extra, Shop.CURRENCY)));
        }
        ProductDraft draft = new ProductDraft(slug, new Text(es, en), new Text(template.des(), template.den()),
                categoryIds.get(template.category()), brandIds.get(template.brands().get(model % template.brands().size())),
                new Amount(price, Shop.CURRENCY), compareAt == null ? null : new Amount(compareAt, Shop.CURRENCY),
                List.of(new ImageDraft(IMAGES + slug + ".jpg", new Text(es, en)),
                        new ImageDraft(IMAGES + slug + "-detalle.jpg", new Text(es + " (detalle)", en + " (detail)"))),
                variants, true, template.featured() && model < 2,
                new SeoDraft(new Text(es + " | Tienda", en + " | Tienda"), new Text(template.des(), template.den())));
        return new DemoProduct(CatalogFile.id("product", template.code() + ":" + model), draft);
    }

    /** Every combination of one value per axis, in axis order; one empty combination without axes. */
    static List<Map<String, String>> combinations(Map<String, List<String>> axes) {
        List<Map<String, String>> combinations = new ArrayList<>();
        combinations.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> axis : axes.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : combinations) {
                for (String value : axis.getValue()) {
                    Map<String, String> extended = new LinkedHashMap<>(partial);
                    extended.put(axis.getKey(), value);
                    next.add(extended);
                }
            }
            combinations = next;
        }
        return combinations;
    }

    /** {@code AUR01-NEGRO}, {@code SMA03-256GB-AZUL}: upper-case ASCII, as the SKU rule wants. */
    static String sku(String base, Map<String, String> attributes) {
        StringBuilder sku = new StringBuilder(base);
        for (String value : attributes.values()) {
            String code = Normalizer.normalize(value, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                    .toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
            if (!code.isEmpty()) {
                sku.append('-').append(code);
            }
        }
        return sku.length() > 64 ? sku.substring(0, 64) : sku.toString();
    }

    /** A quarter above the price, ending in 99 cents as shop prices do. */
    static long wasPrice(long price) {
        long was = price * 5 / 4;
        return was / 100 * 100 + 99;
    }
}
