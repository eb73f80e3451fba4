package io.tienda.platform.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Says which meters a registry refused. Prometheus keeps one set of tag keys per meter name and refuses
 * every meter registered under that name with another set, so those series are silently missing from
 * scrapes, dashboards and alerts. Micrometer logs only the first refusal of a registry as a warning and
 * the rest at debug; this logs each refused meter name once, as a warning naming its tags. It is attached
 * before a registry is initialised, so that the meters bound at start are watched too.
 */
public class MeterRejections implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(MeterRejections.class);

    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof MeterRegistry registry) {
            registry.config().onMeterRegistrationFailed(this::refused);
        }
        return bean;
    }

    void refused(Meter.Id id, String reason) {
        if (reported.add(id.getName())) {
            log.warn("meter {} with tags {} is not exported: {}", id.getName(),
                    id.getTags().stream().map(Tag::getKey).toList(), reason);
        }
    }
}
