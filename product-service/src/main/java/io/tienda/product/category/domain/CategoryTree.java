package io.tienda.product.category.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders categories the way a menu shows them: each parent followed by its children, siblings by
 * {@code sortOrder} and then by name. Sorting by path alone would order siblings alphabetically
 * and ignore the order merchandisers chose.
 */
public final class CategoryTree {

    private static final Comparator<Category> SIBLINGS = Comparator.comparingInt(Category::sortOrder)
            .thenComparing(category -> category.name().primary())
            .thenComparing(Category::id);

    private CategoryTree() {
    }

    public static List<Category> menuOrder(List<Category> categories) {
        Set<String> ids = new HashSet<>();
        categories.forEach(c -> ids.add(c.id()));
        Map<String, List<Category>> children = new HashMap<>();
        List<Category> roots = new ArrayList<>();
        for (Category category : categories) {
            // a category whose parent is gone is still shown, as a root, rather than lost
            if (category.parentId() == null || !ids.contains(category.parentId())) {
                roots.add(category);
            } else {
                children.computeIfAbsent(category.parentId(), k -> new ArrayList<>()).add(category);
            }
        }
        List<Category> ordered = new ArrayList<>(categories.size());
        Set<String> visited = new HashSet<>();
        roots.sort(SIBLINGS);
        for (Category root : roots) {
            append(root, children, ordered, visited);
        }
        // categories in a parent cycle are reachable from no root; list them last rather than lose them
        categories.stream().filter(c -> !visited.contains(c.id())).sorted(SIBLINGS)
                .forEach(c -> append(c, children, ordered, visited));
        return ordered;
    }

    private static void append(Category category, Map<String, List<Category>> children, List<Category> ordered,
            Set<String> visited) {
        if (!visited.add(category.id())) {
            return; // a cycle in bad data must not loop forever
        }
        ordered.add(category);
        List<Category> mine = children.getOrDefault(category.id(), new ArrayList<>());
        mine.sort(SIBLINGS);
        for (Category child : mine) {
            append(child, children, ordered, visited);
        }
    }

    /**
     * The path every category should have, derived from the parent links: the parent's path, a
     * slash and its own slug. A category whose parent is gone, or that sits in a cycle, is a root.
     */
    public static Map<String, String> paths(List<Category> categories) {
        Map<String, Category> byId = new HashMap<>();
        categories.forEach(c -> byId.put(c.id(), c));
        Map<String, String> paths = new HashMap<>();
        for (Category category : categories) {
            paths.put(category.id(), pathOf(category, byId, new HashSet<>()));
        }
        return paths;
    }

    private static String pathOf(Category category, Map<String, Category> byId, Set<String> visiting) {
        Category parent = category.parentId() == null ? null : byId.get(category.parentId());
        if (parent == null || !visiting.add(category.id())) {
            return "/" + category.slug();
        }
        return pathOf(parent, byId, visiting) + "/" + category.slug();
    }
}
