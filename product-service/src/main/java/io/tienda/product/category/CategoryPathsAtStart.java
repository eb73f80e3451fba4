package io.tienda.product.category;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A move interrupted by a crash left some paths behind, and perhaps products not yet announced
 * again: the paths are derived again and the products announced before serving.
 */
@Component
@Order(10)
class CategoryPathsAtStart implements ApplicationRunner {

    private final CategoryAdmin admin;

    CategoryPathsAtStart(CategoryAdmin admin) {
        this.admin = admin;
    }

    @Override
    public void run(ApplicationArguments args) {
        admin.repairPaths();
        admin.announceNotedProducts();
    }
}
