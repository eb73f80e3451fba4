package io.tienda.product.search.persistence;

import io.tienda.product.brand.domain.BrandRef;
import io.tienda.product.search.domain.CategoryLevel;
import io.tienda.product.shared.domain.LocalizedText;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names and the tree shape of the categories and brands the index has seen, by slug: facets and
 * suggestions show names while the index holds slugs. The newest name seen wins; a slug no product
 * carries any more stays here harmlessly, because only slugs counted in the index are ever shown.
 */
final class IndexLabels {

    /** A category as facets show it: where it sits in the tree and what it is called. */
    record CategoryNode(String slug, LocalizedText name, String parent, int depth, List<String> path) {
    }

    private final Map<String, CategoryNode> categories = new ConcurrentHashMap<>();
    private final Map<String, String> brands = new ConcurrentHashMap<>();

    void learn(List<CategoryLevel> lineage, BrandRef brand) {
        for (int i = 0; i < lineage.size(); i++) {
            CategoryLevel level = lineage.get(i);
            List<String> path = lineage.subList(0, i + 1).stream().map(CategoryLevel::slug).toList();
            categories.put(level.slug(),
                    new CategoryNode(level.slug(), level.name(), i == 0 ? null : lineage.get(i - 1).slug(), i, path));
        }
        if (brand != null && brand.slug() != null && brand.name() != null) {
            brands.put(brand.slug(), brand.name());
        }
    }

    Optional<CategoryNode> category(String slug) {
        return Optional.ofNullable(categories.get(slug));
    }

    String brandName(String slug) {
        return brands.getOrDefault(slug, slug);
    }
}
