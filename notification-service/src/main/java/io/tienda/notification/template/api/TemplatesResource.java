package io.tienda.notification.template.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.notification.template.Templates;
import io.tienda.notification.template.domain.Rendered;
import io.tienda.notification.template.domain.Template;
import io.tienda.notification.template.domain.TemplateCatalog;
import io.tienda.platform.core.Roles;
import io.tienda.platform.problem.DomainException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

@RestController
@RequestMapping("/api/v1/templates")
@Tag(name = "Templates", description = "What each message says, in Spanish and English")
class TemplatesResource {

    /**
     * Who may override or reset a template: editors, except for a template one of whose variables carries a
     * secret ({@link TemplateCatalog#secrets}: the verification and reset links). Whoever writes one decides
     * where its token goes, and with the token any account, an administrator's too, can be taken over, so
     * only administrators may. Reading and previewing stay open to editors: a template holds no token, and a
     * preview shows the sample one.
     */
    private static final String MAY_CHANGE = Roles.HAS_ADMIN + " or (" + Roles.HAS_EDITOR
            + " and !T(io.tienda.notification.template.domain.TemplateCatalog).carriesSecret(#key))";

    private final Templates templates;

    TemplatesResource(Templates templates) {
        this.templates = templates;
    }

    /** A template as messages are rendered from it now. */
    record TemplateView(String key, String locale, String channel, String subject, String html, String text,
            boolean custom, Instant updatedAt, Set<String> variables) {

        static TemplateView of(Template t) {
            return new TemplateView(t.key(), t.locale(), "EMAIL", t.subject(), t.html(), t.text(), t.custom(),
                    t.updatedAt(), TemplateCatalog.sample(t.key()).keySet());
        }
    }

    /** Thymeleaf templates: the subject and the text body in TEXT mode, the HTML body in HTML mode. */
    record TemplateBody(@NotBlank @Size(max = 500) String subject, @NotBlank @Size(max = 100_000) String html,
            @NotBlank @Size(max = 50_000) String text) {
    }

    /** A draft to render (all three parts, or none for the current template) and values over the samples. */
    record PreviewRequest(@Size(max = 500) String subject, @Size(max = 100_000) String html,
            @Size(max = 50_000) String text, @Size(max = 50) Map<@NotBlank @Size(max = 100) String, @NotNull @Size(max = 2000) String> variables) {
    }

    record PreviewView(String subject, String html, String text) {

        static PreviewView of(Rendered r) {
            return new PreviewView(r.subject(), r.html(), r.text());
        }
    }

    @GetMapping
    @PreAuthorize(Roles.HAS_STAFF)
    @Operation(summary = "List the templates", description = "SUPPORT, MANAGER and ADMIN. Every message key in "
            + "every language (es, en), as messages are rendered now: the staff override, else the default.")
    List<TemplateView> list() {
        return templates.list().stream().map(TemplateView::of).toList();
    }

    @GetMapping("/{key}/{locale}")
    @PreAuthorize(Roles.HAS_STAFF)
    @Operation(summary = "One template", description = "SUPPORT, MANAGER and ADMIN. 404 for an unknown key or "
            + "language.")
    TemplateView get(@PathVariable String key, @PathVariable String locale) {
        return TemplateView.of(templates.get(key, locale));
    }

    @PutMapping("/{key}/{locale}")
    @PreAuthorize(MAY_CHANGE)
    @Operation(summary = "Override a template", description = "MANAGER and ADMIN; only ADMIN for verify-email and "
            + "password-reset, whose link carries a single-use token (403 for anyone else). Rendered with sample "
            + "values first: a template that does not parse or whose expressions fail is refused with 422 "
            + "(type template-syntax); one that uses more than variables (${name}), text literals ('text'), "
            + "?: and +, or a th: attribute other than th:text, th:utext, th:href, th:if and th:unless, or "
            + "that places a secret link anywhere but the whole th:href of an <a> or the whole of a th:text "
            + "or [[...]], is refused with 400 (type template-not-allowed, naming the part and the "
            + "expression). Nothing is saved either way.")
    TemplateView override(@PathVariable String key, @PathVariable String locale,
            @Valid @RequestBody TemplateBody body) {
        return TemplateView.of(templates.override(key, locale,
                new Templates.Draft(body.subject(), body.html(), body.text())));
    }

    @DeleteMapping("/{key}/{locale}")
    @PreAuthorize(MAY_CHANGE)
    @Operation(summary = "Back to the default template", description = "MANAGER and ADMIN; only ADMIN for "
            + "verify-email and password-reset. Answers the default.")
    TemplateView reset(@PathVariable String key, @PathVariable String locale) {
        return TemplateView.of(templates.reset(key, locale));
    }

    @PostMapping("/{key}/{locale}/preview")
    @PreAuthorize(Roles.HAS_EDITOR)
    @Operation(summary = "Preview a template", description = "MANAGER and ADMIN. Renders the draft in the body, "
            + "or the current template when the body has none, with sample values overlaid by the given "
            + "variables. Nothing is saved or sent. 422 when the draft does not render, 400 "
            + "(template-not-allowed) when it uses what templates may not.")
    PreviewView preview(@PathVariable String key, @PathVariable String locale,
            @Valid @RequestBody(required = false) PreviewRequest body) {
        PreviewRequest request = body == null ? new PreviewRequest(null, null, null, null) : body;
        Templates.Draft draft = draft(request);
        return PreviewView.of(templates.preview(key, locale, draft, request.variables()));
    }

    private static Templates.Draft draft(PreviewRequest request) {
        long given = java.util.stream.Stream.of(request.subject(), request.html(), request.text())
                .filter(part -> part != null && !part.isBlank()).count();
        if (given == 0) {
            return null;
        }
        if (given < 3) {
            throw DomainException.invalid("A draft needs its subject, html and text");
        }
        return new Templates.Draft(request.subject(), request.html(), request.text());
    }
}
