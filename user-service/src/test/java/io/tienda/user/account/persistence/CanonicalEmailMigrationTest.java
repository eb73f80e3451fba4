package io.tienda.user.account.persistence;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalEmailMigrationTest {

    @Test
    void everyAccountGetsTheFormOfItsAddress() {
        UUID ana = UUID.randomUUID();
        UUID lim = UUID.randomUUID();

        assertThat(CanonicalEmailMigration.canonicalForms(List.of(
                new CanonicalEmailMigration.Account(ana, "Ana@Example.com"),
                new CanonicalEmailMigration.Account(lim, "l\u0130m@example.com"))))
                .containsExactly(Map.entry(ana, "ana@example.com"), Map.entry(lim, "lim@example.com"));
    }

    @Test
    void whenTwoAddressesShareAFormTheFirstAccountKeepsIt() {
        UUID older = UUID.randomUUID();
        UUID younger = UUID.randomUUID();

        assertThat(CanonicalEmailMigration.canonicalForms(List.of(
                new CanonicalEmailMigration.Account(older, "ana@example.com"),
                new CanonicalEmailMigration.Account(younger, "\uFF41na@example.com"))))
                .containsOnlyKeys(older).containsEntry(older, "ana@example.com");
    }
}
