package io.tienda.fleet;

import java.time.Duration;
import java.util.List;

import io.tienda.fleet.Options.Command;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionsTest {

    @Test
    void upWithEverythingIsTheDefault() {
        Options options = Options.parse(List.of(), 2);

        assertThat(options.command()).isEqualTo(Command.UP);
        assertThat(options.services()).extracting(ServiceSpec::name).containsExactlyElementsOf(Catalog.names());
        assertThat(options.services().get(0).name()).isEqualTo("discovery");
        assertThat(options.infraOnly()).isFalse();
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(300));
        assertThat(options.parallel()).isEqualTo(5);
    }

    @Test
    void namedServicesRunInStartOrderWithDiscovery() {
        Options options = Options.parse(List.of("up", "product-service", "gateway", "product-service"), 2);

        assertThat(options.services()).extracting(ServiceSpec::name)
            .containsExactly("discovery", "gateway", "product-service");
    }

    @Test
    void readsFlagsWithOrWithoutEquals() {
        Options options = Options.parse(List.of("--timeout", "120", "--parallel=4", "order-service"), 8);

        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(options.parallel()).isEqualTo(4);
        assertThat(options.services()).extracting(ServiceSpec::name).containsExactly("discovery", "order-service");
        assertThat(Options.parse(List.of("up", "--timeout=45"), 8).timeout()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void infraOnlyRunsNoService() {
        Options options = Options.parse(List.of("up", "--infra-only"), 2);

        assertThat(options.infraOnly()).isTrue();
        assertThat(options.services()).isEmpty();
        assertThatThrownBy(() -> Options.parse(List.of("--infra-only", "gateway"), 2))
            .hasMessageContaining("--infra-only runs no services");
    }

    @Test
    void recognisesTheOtherCommands() {
        assertThat(Options.parse(List.of("status"), 2).command()).isEqualTo(Command.STATUS);
        assertThat(Options.parse(List.of("down"), 2).command()).isEqualTo(Command.DOWN);
        assertThat(Options.parse(List.of("help"), 2).command()).isEqualTo(Command.HELP);
        assertThat(Options.parse(List.of("up", "--help"), 2).command()).isEqualTo(Command.HELP);
        Options stale = Options.parse(List.of("stale", "cart-service"), 2);
        assertThat(stale.command()).isEqualTo(Command.STALE);
        assertThat(stale.services()).extracting(ServiceSpec::name).containsExactly("discovery", "cart-service");
        assertThat(Options.parse(List.of("aot-training"), 2).command()).isEqualTo(Command.AOT_TRAINING);
        assertThatThrownBy(() -> Options.parse(List.of("aot-training", "gateway"), 2))
            .hasMessageContaining("aot_training takes no services or options");
    }

    @Test
    void rejectsWhatItDoesNotKnow() {
        assertThatThrownBy(() -> Options.parse(List.of("up", "shipping-service"), 2))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("Unknown service shipping-service")
            .hasMessageContaining("order-service");
        assertThatThrownBy(() -> Options.parse(List.of("--fast"), 2)).hasMessageContaining("Unknown option --fast");
        assertThatThrownBy(() -> Options.parse(List.of("--timeout"), 2)).hasMessageContaining("--timeout needs a value");
        assertThatThrownBy(() -> Options.parse(List.of("--timeout=soon"), 2))
            .hasMessageContaining("positive whole number");
        assertThatThrownBy(() -> Options.parse(List.of("--parallel", "0"), 2)).hasMessageContaining("positive");
        assertThatThrownBy(() -> Options.parse(List.of("status", "gateway"), 2))
            .hasMessageContaining("status takes no services");
        assertThatThrownBy(() -> Options.parse(List.of("up", "-d"), 2)).hasMessageContaining("option of ./tienda");
    }

}
