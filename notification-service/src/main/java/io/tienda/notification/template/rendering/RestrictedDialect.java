package io.tienda.notification.template.rendering;

import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.model.IAttribute;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.AbstractElementTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.standard.expression.IStandardExpression;
import org.thymeleaf.standard.expression.IStandardExpressionParser;
import org.thymeleaf.standard.expression.IStandardVariableExpression;
import org.thymeleaf.standard.expression.IStandardVariableExpressionEvaluator;
import org.thymeleaf.standard.expression.StandardExpressionExecutionContext;
import org.thymeleaf.standard.expression.StandardExpressionParser;
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
 *       evaluates anything, so no method can be called however an expression got here.</li>
 * </ul>
 */
final class RestrictedDialect extends StandardDialect {

    private static final Set<Class<?>> PROCESSORS = Set.of(StandardTextTagProcessor.class,
            StandardUtextTagProcessor.class, StandardHrefTagProcessor.class, StandardIfTagProcessor.class,
            StandardUnlessTagProcessor.class, StandardXmlNsTagProcessor.class, StandardBlockTagProcessor.class,
            StandardInliningTextProcessor.class, StandardInliningCDATASectionProcessor.class,
            StandardInliningCommentProcessor.class, StandardTranslationDocTypeProcessor.class,
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
            if (PROCESSORS.contains(processor.getClass()) && MODES.contains(processor.getTemplateMode())) {
                kept.add(processor);
            }
        }
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

    /** Runs before every other processor of an element: a {@code th:} attribute not allowed is refused. */
    static final class RefuseOtherAttributes extends AbstractElementTagProcessor {

        RefuseOtherAttributes(TemplateMode mode, String dialectPrefix) {
            super(mode, dialectPrefix, null, false, null, false, 0);
        }

        @Override
        protected void doProcess(ITemplateContext context, IProcessableElementTag tag,
                IElementTagStructureHandler structureHandler) {
            for (IAttribute attribute : tag.getAllAttributes()) {
                var name = attribute.getAttributeDefinition().getAttributeName();
                if (name.isPrefixed() && getDialectPrefix().equalsIgnoreCase(name.getPrefix())
                        && !TemplateLanguage.ATTRIBUTES.contains(name.getAttributeName().toLowerCase(Locale.ROOT))) {
                    String value = attribute.getValue();
                    throw new Refused(TemplateLanguage.shown(attribute.getAttributeCompleteName()
                            + (value == null ? "" : "=\"" + value + "\"")), "attribute not allowed (allowed: th:"
                            + String.join(", th:", TemplateLanguage.ATTRIBUTES.stream().sorted().toList()) + ")");
                }
            }
        }
    }
}
