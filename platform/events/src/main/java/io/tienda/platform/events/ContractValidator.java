package io.tienda.platform.events;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a serialized message body against the JSON Schema of its type. Producers call it in
 * their contract tests so that what they put on Kafka is what consumers were promised.
 */
public final class ContractValidator {

    private static final String BASE = "https://tienda.io/schemas/";

    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(BASE, "classpath:schemas/")));
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    /** The violations of {@code json} against the schema of {@code type}; empty when it conforms. */
    public List<String> violations(String type, String json) {
        JsonSchema schema = schemas.computeIfAbsent(type,
                t -> factory.getSchema(SchemaLocation.of(BASE + t + ".schema.json"), config));
        return schema.validate(json, InputFormat.JSON).stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .toList();
    }

    /** Throws {@link ContractViolation} listing every violation when {@code json} does not conform. */
    public void requireValid(String type, String json) {
        List<String> violations = violations(type, json);
        if (!violations.isEmpty()) {
            throw new ContractViolation(type, violations);
        }
    }

    /** Serializes {@code payload} as it goes on the wire and checks it against its declared type. */
    public void requireValid(Object payload) {
        requireValid(Envelope.typeOf(payload.getClass()), EventJson.write(payload));
    }

    public static final class ContractViolation extends RuntimeException {

        private final List<String> violations;

        ContractViolation(String type, List<String> violations) {
            super(type + " violates its schema: " + String.join("; ", violations));
            this.violations = List.copyOf(violations);
        }

        public List<String> violations() {
            return violations;
        }
    }
}
