package io.tienda.platform.testing.security;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

import java.util.List;
import java.util.Map;

/**
 * What every Spring test of a Tienda service wants: its resource server trusting the
 * {@link TestTokens} JWKS, and no Eureka client looking for a discovery server that is not
 * running (tests that route through discovery declare simple instances instead).
 */
public class TestDefaultsCustomizerFactory implements ContextCustomizerFactory {

    /** The property source the starter adds with the platform's defaults. */
    private static final String DEFAULTS = "tiendaDefaults";

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return new Customizer();
    }

    private static final class Customizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            var sources = context.getEnvironment().getPropertySources();
            // Just above the platform defaults: a test's own properties and application.yml still win.
            var defaults = new MapPropertySource("tiendaTestDefaults", Map.of(
                    "tienda.security.jwks-uri", TestTokens.jwksUri().toString(),
                    "tienda.security.issuer", TestTokens.ISSUER,
                    "tienda.security.audience", TestTokens.AUDIENCE,
                    "eureka.client.enabled", "false"));
            if (sources.contains(DEFAULTS)) {
                sources.addBefore(DEFAULTS, defaults);
            } else {
                sources.addLast(defaults);
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }
}
