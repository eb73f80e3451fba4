package io.tienda.platform.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EntityTagsTest {

    @Test
    void ifNoneMatchNamesTheTagInAListOrWithAWeakPrefixOrByWildcard() {
        assertThat(EntityTags.noneMatchNames("\"7\"", "\"7\"")).isTrue();
        assertThat(EntityTags.noneMatchNames("\"6\", W/\"7\"", "\"7\"")).isTrue();
        assertThat(EntityTags.noneMatchNames("\"7\"", "W/\"7\"")).isTrue();
        assertThat(EntityTags.noneMatchNames("*", "\"7\"")).isTrue();
    }

    @Test
    void namesNothingWhenAbsentBlankOrOther() {
        assertThat(EntityTags.noneMatchNames(null, "\"7\"")).isFalse();
        assertThat(EntityTags.noneMatchNames("  ", "\"7\"")).isFalse();
        assertThat(EntityTags.noneMatchNames("\"70\"", "\"7\"")).isFalse();
        assertThat(EntityTags.noneMatchNames("7", "\"7\"")).as("a tag is quoted").isFalse();
    }
}
