package io.tienda.platform.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.temporal.ChronoField;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON value is read only as the type it is. Left to their defaults, the services converted
 * silently: {@code true} or {@code 12} into the text {@code "true"} or {@code "12"} (a boolean saved
 * as a mail subject), {@code "5"} into the number 5, {@code ""} into {@code null} for a number, a
 * date or an id (a field that was sent read as one that was not), {@code 0} into an enum's first
 * constant, and a number into a moment ({@link DatesAsText}); and a field sent twice was read as its
 * last copy ({@code {"quantity":1,"quantity":100}}), where another reader of the same body may take the
 * first (RFC 8259 leaves it open; I-JSON, RFC 7493, forbids it). Each is now the 400
 * {@code invalid-field-type} naming the field ({@link ProblemHandling}) and changes nothing. A
 * fraction for a whole number was refused already; it is stated here with the rest. The same mapper
 * reads other services' replies, which carry every value as its own type.
 */
class StrictJson implements JsonMapperBuilderCustomizer {

    @Override
    public void customize(JsonMapper.Builder builder) {
        builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .withCoercionConfigDefaults(config -> config.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .addModule(new SimpleModule("tienda-dates-as-text").setDeserializerModifier(new DatesAsText()));
    }

    /**
     * The field a body names twice, when that is what {@code error} or one of its causes reports.
     * Jackson says it only in words ({@code Duplicate Object property "quantity"}); StrictJsonTest
     * holds the wording to this.
     */
    static Optional<String> duplicateField(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof StreamReadException read && read.getOriginalMessage() != null) {
                Matcher duplicate = DUPLICATE.matcher(read.getOriginalMessage());
                if (duplicate.matches()) {
                    return Optional.of(duplicate.group(1));
                }
            }
        }
        return Optional.empty();
    }

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate Object property \"(.*)\"", Pattern.DOTALL);

    /**
     * A date or a moment only from ISO-8601 text. Jackson also reads a number as epoch seconds (so a
     * JavaScript client's {@code Date.now()}, in milliseconds, landed some 50,000 years ahead) and a
     * date from an array of its parts. A year alone may be a number. Years are 0001 to 9999 (RFC 3339):
     * ISO-8601's signed years ({@code +99999-01-01T00:00:00Z}) were stored and answered in a form
     * JavaScript's {@code Date} and ClickHouse cannot read, and PostgreSQL has no year 0.
     */
    private static final class DatesAsText extends ValueDeserializerModifier {

        @Override
        public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier bean,
                ValueDeserializer<?> deserializer) {
            Class<?> type = bean.getBeanClass();
            return Temporal.class.isAssignableFrom(type) && type != Year.class ? new TextOnly(deserializer) : deserializer;
        }
    }

    private static final class TextOnly extends DelegatingDeserializer {

        TextOnly(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new TextOnly(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return context.handleUnexpectedToken(handledType(), parser);
            }
            String text = parser.getString();
            Object value = super.deserialize(parser, context);
            int year = year(value);
            if (year < 1 || year > 9999) {
                return context.handleWeirdStringValue(handledType(), text, "the year must be 0001 to 9999");
            }
            return value;
        }

        /** The year of a date or moment (a moment's in UTC); 1 for a value that has none, such as a time. */
        private static int year(Object value) {
            if (value instanceof Instant instant) {
                return instant.atOffset(ZoneOffset.UTC).getYear();
            }
            if (value instanceof TemporalAccessor temporal && temporal.isSupported(ChronoField.YEAR)) {
                return temporal.get(ChronoField.YEAR);
            }
            return 1;
        }
    }
}
