package io.tienda.platform.observability;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The platform's defaults (tienda-defaults.properties): observability, graceful shutdown, Kafka
 * durability, outbox and discovery settings that every service shares. Added last, so a
 * service's application.yml, the environment and the command line all override them.
 */
public class TiendaDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "tienda-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            List<PropertySource<?>> sources = new PropertiesPropertySourceLoader()
                    .load("tiendaDefaults", new ClassPathResource(SOURCE));
            sources.forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SOURCE, e);
        }
    }
}
