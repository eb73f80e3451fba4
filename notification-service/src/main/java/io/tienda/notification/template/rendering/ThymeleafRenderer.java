package io.tienda.notification.template.rendering;

import io.tienda.notification.template.domain.Rendered;
import io.tienda.notification.template.domain.Renderer;
import io.tienda.notification.template.domain.Template;
import io.tienda.notification.template.domain.TemplateCatalog;
import io.tienda.notification.template.domain.TemplateNotAllowedException;
import io.tienda.notification.template.domain.TemplateSyntaxException;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateEngineException;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Thymeleaf over template text (not files): the subject and the plain-text body in TEXT mode, the HTML
 * body in HTML mode, where {@code th:text} escapes what customers typed (names, ticket replies).
 * Engines of its own, apart from any web views: templates come from the database, never from a path.
 *
 * <p>Staff write templates, so what a template can make the service do is bounded here, on every render
 * (save, preview and send alike): the engines speak only {@link TemplateLanguage} ({@link RestrictedDialect}:
 * variables, text literals, {@code ?:} and {@code +}, a few {@code th:} attributes, no expression language
 * at all), a template's secret variables ({@link TemplateCatalog#secrets}) stand only where they cannot leave
 * the mail unasked, and each part's output stops at {@link TemplateLanguage#MAX_OUTPUT} characters.
 */
@Component
class ThymeleafRenderer implements Renderer {

    private final TemplateEngine html = engine(TemplateMode.HTML);
    private final TemplateEngine text = engine(TemplateMode.TEXT);

    /** What {@link #oneLine} turns into a space. */
    private static final Pattern SUBJECT_BREAKS = Pattern.compile("[\\s\\p{Cc}\\p{Zl}\\p{Zp}]+");

    @Override
    public Rendered render(Template template, Map<String, String> variables) {
        Context context = new Context(Locale.forLanguageTag(template.locale()));
        context.setVariables(Map.copyOf(variables));
        Set<String> secrets = TemplateCatalog.secrets(template.key());
        context.setVariable(TemplateLanguage.Secrets.VARIABLE, new TemplateLanguage.Secrets(secrets, true));
        String subject = oneLine(process(text, "subject", template.subject(), context, false));
        context.setVariable(TemplateLanguage.Secrets.VARIABLE, new TemplateLanguage.Secrets(secrets, false));
        return new Rendered(subject, process(html, "html", template.html(), context, true),
                process(text, "text", template.text(), context, false));
    }

    /**
     * The subject as one line: each run of white space, control characters (NUL, CR, LF, the C1 controls)
     * and line or paragraph separators becomes one space. The subject is a mail header, and its variables
     * hold text customers typed, some of it (a ticket's subject) stored before it had to be one line.
     */
    private static String oneLine(String subject) {
        return SUBJECT_BREAKS.matcher(subject).replaceAll(" ").strip();
    }

    private static String process(TemplateEngine engine, String part, String source, Context context,
            boolean html) {
        BoundedWriter out = new BoundedWriter(TemplateLanguage.MAX_OUTPUT);
        try {
            if (html) {
                TemplateLanguage.requireShallowHtml(source);
            }
            engine.process(source, context, out);
            return out.toString();
        } catch (RuntimeException e) {
            Refused refused = refusal(e);
            if (refused != null) {
                throw new TemplateNotAllowedException(part, refused.construct(), refused.reason());
            }
            throw new TemplateSyntaxException(part, e instanceof TemplateEngineException
                    ? firstLine(withoutTemplate(e)) : e.getClass().getSimpleName());
        }
    }

    private static Refused refusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Refused refused) {
                return refused;
            }
        }
        return null;
    }

    /**
     * The error as Thymeleaf describes it, without the template: a template given as text is also its name,
     * and Thymeleaf's messages end with {@code (template: "<the whole text>" - line 1, col 4)}. Staff get the
     * error and where it is, and the log's warning at send time stays one short line. (Thymeleaf's own ERROR
     * line with the template, {@code org.thymeleaf.TemplateEngine}, is turned off in application.yml.)
     * The innermost of Thymeleaf's exceptions says the most: the outer ones only say that parsing failed.
     */
    static String withoutTemplate(Throwable failure) {
        String found = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TemplateEngineException && t.getMessage() != null) {
                String message = t.getMessage();
                if (t instanceof TemplateProcessingException processing && processing.getTemplateName() != null) {
                    int at = message.indexOf(" (template: \"" + processing.getTemplateName());
                    if (at < 0) {
                        at = message.indexOf("(template: ");
                    }
                    if (at >= 0) {
                        message = message.substring(0, at).strip();
                        if (processing.getLine() != null && processing.getCol() != null) {
                            message += " (line " + processing.getLine() + ", col " + processing.getCol() + ")";
                        }
                    }
                }
                if (!message.isBlank()) {
                    found = message;
                }
            }
        }
        return found == null ? failure.getClass().getSimpleName() : found;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable template";
        }
        String line = message.lines().findFirst().orElse(message);
        return line.length() > 300 ? line.substring(0, 300) : line;
    }

    private static TemplateEngine engine(TemplateMode mode) {
        StringTemplateResolver resolver = new StringTemplateResolver();
        resolver.setTemplateMode(mode);
        resolver.setCacheable(false);
        TemplateEngine engine = new TemplateEngine();
        engine.setDialect(new RestrictedDialect());
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
