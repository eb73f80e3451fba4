package io.tienda.platform.testing;

import java.util.EnumSet;
import java.util.List;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Turns {@link TiendaInfra} on a test class (or a meta-annotation, or an enclosing class) into a customizer. */
public class TiendaInfraContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        TiendaInfra infra = TestContextAnnotationUtils.findMergedAnnotation(testClass, TiendaInfra.class);
        if (infra == null) {
            return null;
        }
        EnumSet<Store> stores = EnumSet.noneOf(Store.class);
        stores.addAll(List.of(infra.value()));
        return new TiendaInfraContextCustomizer(stores, infra.database());
    }

}
