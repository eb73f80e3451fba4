package io.tienda.notification.template.rendering;

import io.tienda.notification.template.domain.Rendered;
import io.tienda.notification.template.domain.Template;
import io.tienda.notification.template.domain.TemplateCatalog;
import io.tienda.notification.template.domain.TemplateSyntaxException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThymeleafRendererTest {

    private final ThymeleafRenderer renderer = new ThymeleafRenderer();

    @Test
    void everyShippedTemplateRendersWithItsSampleValues() {
        var defaults = new io.tienda.notification.template.persistence.ClasspathDefaultTemplatesAccess().load();
        for (String key : TemplateCatalog.keys()) {
            for (String locale : TemplateCatalog.LOCALES) {
                Template template = defaults.find(key, locale).orElseThrow();
                Rendered rendered = renderer.render(template, TemplateCatalog.sample(key));
                assertThat(rendered.subject()).as(key + "/" + locale).isNotBlank().doesNotContain("${");
                assertThat(rendered.text()).as(key + "/" + locale).isNotBlank().doesNotContain("${");
                assertThat(rendered.html()).as(key + "/" + locale).contains("<html").doesNotContain("${")
                        .doesNotContain("th:");
                if (TemplateCatalog.sample(key).containsKey("link")) {
                    assertThat(rendered.text()).contains(TemplateCatalog.sample(key).get("link"));
                }
            }
        }
    }

    @Test
    void aMissingNameFallsBackToAGreetingWithoutIt() {
        var defaults = new io.tienda.notification.template.persistence.ClasspathDefaultTemplatesAccess().load();
        Rendered es = renderer.render(defaults.find("order-delivered", "es").orElseThrow(), Map.of("order", "T-1"));
        Rendered en = renderer.render(defaults.find("order-delivered", "en").orElseThrow(), Map.of("order", "T-1"));

        assertThat(es.text()).startsWith("Hola cliente,");
        assertThat(en.text()).startsWith("Hello there,");
    }

    @Test
    void aBrokenExpressionIsASyntaxProblemNamingThePart() {
        Template broken = new Template("k", "es", "ok", "<p th:text=\"${a +}\">x</p>", "ok", true, null);

        assertThatThrownBy(() -> renderer.render(broken, Map.of()))
                .isInstanceOf(TemplateSyntaxException.class)
                .hasMessageStartingWith("html: ")
                .satisfies(e -> assertThat(((TemplateSyntaxException) e).status()).isEqualTo(422));
    }

    @Test
    void staffTemplatesCannotReachTheJvm() {
        for (String expression : new String[] {"[(${T(java.lang.Runtime).getRuntime().availableProcessors()})]",
                "[(${name.getClass().forName('java.lang.Runtime')})]",
                "[(${new java.io.File('/').list().length})]"}) {
            Template evil = new Template("k", "en", "ok", "<p>ok</p>", expression, true, null);

            assertThatThrownBy(() -> renderer.render(evil, Map.of("name", "x")))
                    .as(expression).isInstanceOf(TemplateSyntaxException.class);
        }
    }
}
