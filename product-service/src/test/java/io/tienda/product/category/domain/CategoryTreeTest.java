package io.tienda.product.category.domain;

import io.tienda.product.shared.domain.LocalizedText;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CategoryTreeTest {

    @Test
    void putsChildrenUnderTheirParentAndSiblingsBySortOrderThenName() {
        List<Category> ordered = CategoryTree.menuOrder(List.of(
                new Category("3", "tv", LocalizedText.of("TV", null), "1", "/electronics/tv", 1),
                new Category("2", "home", LocalizedText.of("Home", null), null, "/home", 2),
                new Category("4", "audio", LocalizedText.of("Audio", null), "1", "/electronics/audio", 1),
                new Category("1", "electronics", LocalizedText.of("Electronics", null), null, "/electronics", 1),
                new Category("5", "phones", LocalizedText.of("Phones", null), "1", "/electronics/phones", 0)));

        assertThat(ordered).extracting(Category::slug).containsExactly("electronics", "phones", "audio", "tv", "home");
    }

    @Test
    void listsOrphansAsRootsAndCyclesLast() {
        List<Category> ordered = CategoryTree.menuOrder(List.of(
                new Category("a", "a", LocalizedText.of("A", null), "b", "/b/a", 0),
                new Category("b", "b", LocalizedText.of("B", null), "a", "/a/b", 0),
                new Category("o", "orphan", LocalizedText.of("Orphan", null), "gone", "/gone/orphan", 0)));

        assertThat(ordered).extracting(Category::slug).containsExactly("orphan", "a", "b");
    }

    @Test
    void depthCountsTheLevelsBelowTheRoot() {
        assertThat(new Category("1", "e", LocalizedText.of("E", null), null, "/e", 0).depth()).isZero();
        assertThat(new Category("2", "p", LocalizedText.of("P", null), "1", "/e/p", 0).depth()).isEqualTo(1);
    }

    @Test
    void derivesPathsFromTheParentLinks() {
        var paths = CategoryTree.paths(List.of(
                new Category("1", "electronica", LocalizedText.of("E", null), null, "/stale", 0),
                new Category("2", "audio", LocalizedText.of("A", null), "1", "/wrong/audio", 0),
                new Category("3", "cascos", LocalizedText.of("C", null), "2", "/x", 0),
                new Category("4", "huerfana", LocalizedText.of("H", null), "gone", "/gone/huerfana", 0)));

        org.assertj.core.api.Assertions.assertThat(paths).containsEntry("1", "/electronica")
                .containsEntry("2", "/electronica/audio").containsEntry("3", "/electronica/audio/cascos")
                .containsEntry("4", "/huerfana");
    }
}
