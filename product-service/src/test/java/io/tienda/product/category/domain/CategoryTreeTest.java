package io.tienda.product.category.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CategoryTreeTest {

    @Test
    void putsChildrenUnderTheirParentAndSiblingsBySortOrderThenName() {
        List<Category> ordered = CategoryTree.menuOrder(List.of(
                new Category("3", "tv", "TV", "1", "/electronics/tv", 1),
                new Category("2", "home", "Home", null, "/home", 2),
                new Category("4", "audio", "Audio", "1", "/electronics/audio", 1),
                new Category("1", "electronics", "Electronics", null, "/electronics", 1),
                new Category("5", "phones", "Phones", "1", "/electronics/phones", 0)));

        assertThat(ordered).extracting(Category::slug).containsExactly("electronics", "phones", "audio", "tv", "home");
    }

    @Test
    void listsOrphansAsRootsAndCyclesLast() {
        List<Category> ordered = CategoryTree.menuOrder(List.of(
                new Category("a", "a", "A", "b", "/b/a", 0),
                new Category("b", "b", "B", "a", "/a/b", 0),
                new Category("o", "orphan", "Orphan", "gone", "/gone/orphan", 0)));

        assertThat(ordered).extracting(Category::slug).containsExactly("orphan", "a", "b");
    }

    @Test
    void depthCountsTheLevelsBelowTheRoot() {
        assertThat(new Category("1", "e", "E", null, "/e", 0).depth()).isZero();
        assertThat(new Category("2", "p", "P", "1", "/e/p", 0).depth()).isEqualTo(1);
    }
}
