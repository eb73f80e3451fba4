package io.tienda.notification.template.rendering;

import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.inline.IInliner;
import org.thymeleaf.model.ICDATASection;
import org.thymeleaf.model.IComment;
import org.thymeleaf.model.IAttribute;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.model.IText;
import org.thymeleaf.model.ITemplateEnd;
import org.thymeleaf.model.ITemplateStart;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.AbstractElementTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.processor.templateboundaries.AbstractTemplateBoundariesProcessor;
import org.thymeleaf.processor.templateboundaries.ITemplateBoundariesStructureHandler;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.standard.expression.IStandardExpression;
import org.thymeleaf.standard.expression.IStandardExpressionParser;
import org.thymeleaf.standard.expression.IStandardVariableExpression;
import org.thymeleaf.standard.expression.IStandardVariableExpressionEvaluator;
import org.thymeleaf.standard.expression.StandardExpressionExecutionContext;
import org.thymeleaf.standard.expression.StandardExpressionParser;
import org.thymeleaf.standard.inline.StandardHTMLInliner;
import org.thymeleaf.standard.processor.StandardBlockTagProcessor;
import org.thymeleaf.standard.processor.StandardHrefTagProcessor;
import org.thymeleaf.standard.processor.StandardIfTagProcessor;
import org.thymeleaf.standard.processor.StandardInlineEnablementTemplateBoundariesProcessor;
import org.thymeleaf.standard.processor.StandardInliningCDATASectionProcessor;
import org.thymeleaf.standard.processor.StandardInliningCommentProcessor;
import org.thymeleaf.standard.processor.StandardInliningTextProcessor;
import org.thymeleaf.standard.processor.StandardTextTagProcessor;
import org.thymeleaf.standard.processor.StandardTranslationDocTypeProcessor;
import org.thymeleaf.standard.processor.StandardUnlessTagProcessor;
import org.thymeleaf.standard.processor.StandardUtextTagProcessor;
import org.thymeleaf.standard.processor.StandardXmlNsTagProcessor;
import org.thymeleaf.templatemode.TemplateMode;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Thymeleaf's standard dialect cut down to {@link TemplateLanguage}, enforced while rendering, whatever a
 * template went through before:
 *
 * <ul>
 *   <li>only the processors of the allowed attributes, of inlining ({@code [[...]]}, {@code [(...)]}) and of
 *       {@code th:block} exist, in HTML and TEXT mode; any other {@code th:} attribute is refused before it
 *       would run;</li>
 *   <li>every expression is checked by {@link TemplateLanguage#require} before it is parsed;</li>
 *   <li>{@code ${name}} is a look-up of the variable {@code name}: no expression language (SpEL, OGNL)
 *       evaluates anything, so no method can be called however an expression got here;</li>
 *   <li>a secret variable (a verification or reset link) stands only where
 *       {@link TemplateLanguage#SECRET_MISPLACED} allows;</li>
 *   <li>the HTML part outputs escaped values only: {@code th:utext} and {@code [(...)]} are refused there
 *       ({@link TemplateLanguage#HTML_ATTRIBUTES}, {@link EscapedHtmlInlining}), since every variable may hold
 *       what a customer typed and none is HTML the service produced itself.</li>
 * </ul>
 */
final class RestrictedDialect extends StandardDialect {

    private static final Set<Class<?>> PROCESSORS = Set.of(StandardTextTagProcessor.class,
            StandardUtextTagProcessor.class, StandardHrefTagProcessor.class, StandardIfTagProcessor.class,
            StandardUnlessTagProcessor.class, StandardXmlNsTagProcessor.class, StandardBlockTagProcessor.class,
            StandardInliningTextProcessor.class, StandardInliningCDATASectionProcessor.class,
            StandardInliningCommentProcessor.class, StandardTranslationDocTypeProcessor.class,
            StandardInlineEnablementTemplateBoundariesProcessor.class);

    /**
     * Left out of the HTML mode: {@code th:utext} (refused as any other attribute not allowed there) and the
     * standard inlining set-up, replaced by {@link EscapedHtmlInlining}.
     */
    private static final Set<Class<?>> UNESCAPING_IN_HTML = Set.of(StandardUtextTagProcessor.class,
            StandardInlineEnablementTemplateBoundariesProcessor.class);

    private static final Set<TemplateMode> MODES = Set.of(TemplateMode.HTML, TemplateMode.TEXT);

    RestrictedDialect() {
        super("Tienda templates", PREFIX, PROCESSOR_PRECEDENCE);
        setExpressionParser(new CheckedParser());
        setVariableExpressionEvaluator(new VariablesOnly());
    }

    @Override
    public Set<IProcessor> getProcessors(String dialectPrefix) {
        Set<IProcessor> kept = new LinkedHashSet<>();
        for (IProcessor processor : createStandardProcessorsSet(dialectPrefix)) {
            if (PROCESSORS.contains(processor.getClass()) && MODES.contains(processor.getTemplateMode())
                    && !(processor.getTemplateMode() == TemplateMode.HTML && UNESCAPING_IN_HTML.contains(
                            processor.getClass()))) {
                kept.add(processor);
            }
        }
        kept.add(new EscapedHtmlInlining());
        for (TemplateMode mode : MODES) {
            kept.add(new RefuseOtherAttributes(mode, dialectPrefix));
        }
        return kept;
    }

    /** Thymeleaf's parser, after the expression is checked to be inside the language. */
    static final class CheckedParser implements IStandardExpressionParser {

        private final StandardExpressionParser thymeleaf = new StandardExpressionParser();

        @Override
        public IStandardExpression parseExpression(IExpressionContext context, String input) {
            // Checked first: Thymeleaf's parser preprocesses (evaluates) while parsing and recurses per
            // operator, so it never sees an expression outside the language.
            try {
                TemplateLanguage.require(input);
            } catch (Refused refused) {
                if (TemplateLanguage.hasBrokenVariable(input)) {
                    throw new TemplateProcessingException("Could not parse as expression: \""
                            + TemplateLanguage.shown(input) + "\"");
                }
                throw refused;
            }
            return thymeleaf.parseExpression(context, input);
        }
    }

    /** {@code ${name}} is the variable {@code name}, or null; nothing else is evaluated. */
    static final class VariablesOnly implements IStandardVariableExpressionEvaluator {

        @Override
        public Object evaluate(IExpressionContext context, IStandardVariableExpression expression,
                StandardExpressionExecutionContext executionContext) {
            String name = expression.getExpression().strip();
            if (!TemplateLanguage.isVariableName(name)) {
                throw new Refused(TemplateLanguage.shown("${" + expression.getExpression() + "}"),
                        "only ${variable}, 'text', ?: and + are allowed");
            }
            return context.getVariable(name);
        }
    }

    /**
     * Runs before every other processor of an element: a {@code th:} attribute not allowed is refused, and so is
     * one that places a secret variable where {@link TemplateLanguage#SECRET_MISPLACED} says it may not stand.
     */
    static final class RefuseOtherAttributes extends AbstractElementTagProcessor {

        RefuseOtherAttributes(TemplateMode mode, String dialectPrefix) {
            super(mode, dialectPrefix, null, false, null, false, 0);
        }

        @Override
        protected void doProcess(ITemplateContext context, IProcessableElementTag tag,
                IElementTagStructureHandler structureHandler) {
            Set<String> allowed = getTemplateMode() == TemplateMode.HTML ? TemplateLanguage.HTML_ATTRIBUTES
                    : TemplateLanguage.ATTRIBUTES;
            for (IAttribute attribute : tag.getAllAttributes()) {
                var name = attribute.getAttributeDefinition().getAttributeName();
                if (!name.isPrefixed() || !getDialectPrefix().equalsIgnoreCase(name.getPrefix())) {
                    continue;
                }
                String attributeName = name.getAttributeName().toLowerCase(Locale.ROOT);
                if (!allowed.contains(attributeName)) {
                    if (attributeName.equals("utext")) {
                        throw new Refused(shown(tag, attribute), TemplateLanguage.UNESCAPED_IN_HTML);
                    }
                    throw new Refused(shown(tag, attribute), "attribute not allowed (allowed: th:"
                            + String.join(", th:", allowed.stream().sorted().toList()) + ")");
                }
                requireSecretsPlaced(context, tag, attribute, attributeName);
            }
        }

        private void requireSecretsPlaced(ITemplateContext context, IProcessableElementTag tag,
                IAttribute attribute, String attributeName) {
            TemplateLanguage.Secrets secrets = secrets(context);
            String value = attribute.getValue();
            if (secrets == null || value == null || !TemplateLanguage.mentions(value, secrets.names())) {
                return;
            }
            if (secrets.subject()) {
                throw new Refused(shown(tag, attribute), TemplateLanguage.SECRET_IN_SUBJECT);
            }
            boolean placed = TemplateLanguage.isSecret(value, secrets.names()) && switch (attributeName) {
                // Only a link goes where it points, and only when clicked: ping would announce the click (and
                // the link) elsewhere.
                case "href" -> getTemplateMode() == TemplateMode.HTML && isElement(tag, null, "a")
                        && !tag.hasAttribute("ping");
                case "text", "utext" -> !sendsItsText(tag) && context.getElementStack().stream()
                        .noneMatch(RestrictedDialect::sendsItsText);
                default -> false;
            };
            if (!placed) {
                throw new Refused(shown(tag, attribute), TemplateLanguage.SECRET_MISPLACED);
            }
        }

        /**
         * The attribute as staff wrote it: Thymeleaf's parser turns {@code [[...]]} and {@code [(...)]} in text
         * into a {@code th:block} with {@code th:text} or {@code th:utext}.
         */
        private String shown(IProcessableElementTag tag, IAttribute attribute) {
            String value = attribute.getValue();
            String attributeName = attribute.getAttributeDefinition().getAttributeName().getAttributeName()
                    .toLowerCase(Locale.ROOT);
            if (value != null && isElement(tag, getDialectPrefix(), "block")) {
                if (attributeName.equals("text")) {
                    return TemplateLanguage.shown("[[" + value + "]]");
                }
                if (attributeName.equals("utext")) {
                    return TemplateLanguage.shown("[(" + value + ")]");
                }
            }
            return TemplateLanguage.shown(attribute.getAttributeCompleteName()
                    + (value == null ? "" : "=\"" + value + "\""));
        }
    }

    /** The secret variables of what is being rendered, or null when it has none. */
    static TemplateLanguage.Secrets secrets(ITemplateContext context) {
        return context.getVariable(TemplateLanguage.Secrets.VARIABLE) instanceof TemplateLanguage.Secrets secrets
                && !secrets.names().isEmpty() ? secrets : null;
    }

    private static boolean isElement(IProcessableElementTag tag, String prefix, String name) {
        var element = tag.getElementDefinition().getElementName();
        return name.equalsIgnoreCase(element.getElementName())
                && (prefix == null ? element.getPrefix() == null : prefix.equalsIgnoreCase(element.getPrefix()));
    }

    private static boolean sendsItsText(IProcessableElementTag tag) {
        var element = tag.getElementDefinition().getElementName();
        return element.getPrefix() == null && TemplateLanguage.ELEMENTS_THAT_SEND_THEIR_TEXT.contains(
                element.getElementName().toLowerCase(Locale.ROOT));
    }

    /**
     * Inlining in the HTML part as Thymeleaf's standard set-up does it ({@code [[...]]}, escaped), except that
     * text, comments and CDATA sections holding {@code [(...)]}, unescaped output, are refused. Thymeleaf
     * inlines only those nodes in HTML mode (never attribute values), and reads {@code [(} up to the next
     * {@code )]} as an inlined expression, so that is what is looked for.
     */
    static final class EscapedHtmlInlining extends AbstractTemplateBoundariesProcessor {

        EscapedHtmlInlining() {
            super(TemplateMode.HTML, StandardInlineEnablementTemplateBoundariesProcessor.PRECEDENCE);
        }

        @Override
        public void doProcessTemplateStart(ITemplateContext context, ITemplateStart templateStart,
                ITemplateBoundariesStructureHandler structureHandler) {
            structureHandler.setInliner(new EscapedOnly(new StandardHTMLInliner(context.getConfiguration())));
        }

        @Override
        public void doProcessTemplateEnd(ITemplateContext context, ITemplateEnd templateEnd,
                ITemplateBoundariesStructureHandler structureHandler) {
            // nothing to undo
        }
    }

    /** Thymeleaf's HTML inliner, after the node is checked to hold no {@code [(...)]}. */
    static final class EscapedOnly implements IInliner {

        private final IInliner html;

        EscapedOnly(IInliner html) {
            this.html = html;
        }

        @Override
        public String getName() {
            return "TIENDA-ESCAPED-HTML";
        }

        @Override
        public CharSequence inline(ITemplateContext context, IText text) {
            requireEscaped(text.getText());
            requireNoSecret(context, text.getText());
            return html.inline(context, text);
        }

        @Override
        public CharSequence inline(ITemplateContext context, ICDATASection cdataSection) {
            requireEscaped(cdataSection.getContent());
            requireNoSecret(context, cdataSection.getContent());
            return html.inline(context, cdataSection);
        }

        @Override
        public CharSequence inline(ITemplateContext context, IComment comment) {
            requireEscaped(comment.getContent());
            requireNoSecret(context, comment.getContent());
            return html.inline(context, comment);
        }

        /**
         * Thymeleaf's parser turns the {@code [[...]]} of ordinary text into elements, checked with their
         * attributes; one this inliner still finds is in a comment, a CDATA section or other text left as it
         * was: no place for a secret.
         */
        private static void requireNoSecret(ITemplateContext context, CharSequence node) {
            TemplateLanguage.Secrets secrets = secrets(context);
            String inlined = secrets == null ? null : TemplateLanguage.inlinedSecret(node.toString(), secrets.names());
            if (inlined != null) {
                throw new Refused(inlined, TemplateLanguage.SECRET_MISPLACED);
            }
        }

        private static void requireEscaped(CharSequence node) {
            String text = node.toString();
            int start = text.indexOf("[(");
            int end = start < 0 ? -1 : text.indexOf(")]", start + 2);
            if (end >= 0) {
                throw new Refused(TemplateLanguage.shown(text.substring(start, end + 2)),
                        TemplateLanguage.UNESCAPED_IN_HTML);
            }
        }
    }
}
