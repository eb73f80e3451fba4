package io.tienda.product.shared;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Finishes, before serving, what changes interrupted by a crash left undone: category paths behind
 * their parent links, products not yet announced after a move or told a brand's new name.
 */
@Component
@Order(10)
class UnfinishedChangesAtStart implements ApplicationRunner {

    private final List<UnfinishedChanges> features;

    UnfinishedChangesAtStart(List<UnfinishedChanges> features) {
        this.features = features;
    }

    @Override
    public void run(ApplicationArguments args) {
        features.forEach(UnfinishedChanges::finish);
    }
}
