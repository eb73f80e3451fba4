package io.tienda.user.account.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.platform.core.PostalAddresses;
import io.tienda.platform.core.TextRules;
import io.tienda.platform.problem.DomainException;
import io.tienda.user.account.AddressBook;
import io.tienda.user.account.Caller;
import io.tienda.user.account.domain.Address;
import io.tienda.user.account.domain.AddressType;
import io.tienda.user.account.domain.ProfileRules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Tag(name = "Addresses", description = "The caller's address book")
@RestController
@RequestMapping("/api/v1/users/me/addresses")
class AddressResource {

    private final AddressBook book;
    private final Caller caller;

    AddressResource(AddressBook book, Caller caller) {
        this.book = book;
        this.caller = caller;
    }

    private static final String PLAIN = TextRules.SINGLE_LINE_PATTERN;
    private static final String NO_BREAKS = TextRules.SINGLE_LINE_MESSAGE;

    private static final String NOT_BLANK = ProfileRules.NOT_BLANK;
    private static final String BLANK = ProfileRules.NOT_BLANK_MESSAGE;

    /**
     * Its lines go into mails (order confirmations, shipping): one line each, no control characters. It is
     * also held to the rules checkout ships by ({@link ProfileRules}), so that any saved address can be
     * shipped to: blank is what {@link String#strip} leaves empty, which is more than {@code @NotBlank}
     * finds (an em space), hence the pattern.
     */
    @Schema(description = "An address as the client sends it")
    record AddressRequest(
            @NotNull AddressType type,
            @NotNull(message = BLANK) @Pattern(regexp = NOT_BLANK, message = BLANK) @Size(max = 100)
            @Pattern(regexp = PLAIN, message = NO_BREAKS) @Schema(example = "Ana García") String name,
            @NotNull(message = BLANK) @Pattern(regexp = NOT_BLANK, message = BLANK) @Size(max = 200)
            @Pattern(regexp = PLAIN, message = NO_BREAKS) @Schema(example = "Calle Mayor 1") String line1,
            @Size(max = 200) @Pattern(regexp = PLAIN, message = NO_BREAKS) @Schema(example = "3º B") String line2,
            @NotNull(message = BLANK) @Pattern(regexp = NOT_BLANK, message = BLANK) @Size(max = 100)
            @Pattern(regexp = PLAIN, message = NO_BREAKS) @Schema(example = "Madrid") String city,
            @Size(max = 100) @Pattern(regexp = PLAIN, message = NO_BREAKS) @Schema(example = "Madrid") String region,
            @NotNull(message = BLANK) @Size(max = 20) @Pattern(regexp = PLAIN, message = NO_BREAKS)
            @Pattern(regexp = ProfileRules.POSTCODE, message = ProfileRules.POSTCODE_MESSAGE)
            @Schema(example = "28013", description = PostalAddresses.POSTCODE_RULE) String postalCode,
            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as ES")
            @Schema(example = "ES", description = "ISO 3166-1 alpha-2") String country,
            @Pattern(regexp = ProfileRules.E164, message = "must be in E.164 format, e.g. +34600111222")
            @Schema(example = "+34600111222") String phone,
            @Schema(description = "The default address of its type; the previous default stops being one")
            Boolean isDefault) {

        AddressBook.AddressData data() {
            if (!ProfileRules.isCountry(country)) {
                throw DomainException.invalid("country " + country + " is not an ISO 3166-1 alpha-2 code");
            }
            return new AddressBook.AddressData(type, name, line1, line2, city, region, postalCode, country, phone,
                    Boolean.TRUE.equals(isDefault));
        }
    }

    record AddressView(UUID id, AddressType type, String name, String line1, String line2, String city, String region,
            String postalCode, String country, String phone, boolean isDefault, Instant createdAt, Instant updatedAt) {

        static AddressView of(Address a) {
            return new AddressView(a.id(), a.type(), a.name(), a.line1(), a.line2(), a.city(), a.region(),
                    a.postalCode(), a.country(), a.phone(), a.isDefault(), a.createdAt(), a.updatedAt());
        }
    }

    @Operation(summary = "The caller's addresses", description = "Oldest first.")
    @GetMapping
    public List<AddressView> list() {
        return book.list(caller.userId()).stream().map(AddressView::of).toList();
    }

    @Operation(summary = "Add an address",
            description = "The first address of a type becomes its default; isDefault=true moves the default here.")
    @PostMapping
    public ResponseEntity<AddressView> add(@Valid @RequestBody AddressRequest body) {
        Address address = book.add(caller.userId(), body.data());
        return ResponseEntity.created(URI.create("/api/v1/users/me/addresses/" + address.id()))
                .body(AddressView.of(address));
    }

    @Operation(summary = "Replace an address")
    @PutMapping("/{id}")
    public AddressView replace(@PathVariable UUID id, @Valid @RequestBody AddressRequest body) {
        return AddressView.of(book.replace(caller.userId(), id, body.data()));
    }

    @Operation(summary = "Delete an address")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable UUID id) {
        book.delete(caller.userId(), id);
    }
}
