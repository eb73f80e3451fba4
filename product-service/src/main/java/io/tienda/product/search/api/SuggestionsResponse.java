package io.tienda.product.search.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tienda.product.search.domain.Suggestion;

import java.util.List;
import java.util.Locale;

/** Completions of what the shopper is typing, categories and brands first, then product names. */
public record SuggestionsResponse(List<Item> items) {

    /**
     * {@code type} is {@code category}, {@code brand} or {@code product}; {@code slug} is what to
     * filter by or which product to open; {@code language} is the language of {@code text}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String text, String type, String slug, String language) {

        static Item of(Suggestion suggestion) {
            return new Item(suggestion.text(), suggestion.type().name().toLowerCase(Locale.ROOT), suggestion.slug(),
                    suggestion.language());
        }
    }
}
