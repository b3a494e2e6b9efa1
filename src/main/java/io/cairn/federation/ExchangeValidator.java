package io.cairn.federation;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a received payload as an exchange message: within the size limit, JSON, valid against the schema, and then
 * by the rules a schema cannot say ({@link ExchangeRules}). Each problem names the JSON pointer of the field at fault
 * ({@code /incident/title}; {@code /} for the whole), at most {@value #MAX_PROBLEMS} of them.
 */
final class ExchangeValidator {

    static final int MAX_PROBLEMS = 20;

    /** The keywords whose problem is about a property of the object where it is found rather than the object. */
    private static final Set<String> ABOUT_A_PROPERTY = Set.of("required", "additionalProperties", "propertyNames");

    private static final Schema SCHEMA = load();

    private final long maxBytes;

    ExchangeValidator(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The message the payload holds, or why it is refused. */
    Outcome<ExchangeMessage> read(byte[] payload) {
        if (payload.length > maxBytes) {
            return Outcome.refused(
                    Refusal.tooLarge("/", FederationRefusals.MESSAGE_TOO_LARGE, String.valueOf(maxBytes)));
        }
        JsonNode tree;
        try {
            tree = ExchangeJson.MAPPER.readTree(payload);
        } catch (JacksonException e) {
            return Outcome.refused(Refusal.invalid("/", FederationRefusals.MESSAGE_NOT_JSON));
        }
        List<Refusal.FieldProblem> problems = schemaProblems(tree);
        if (!problems.isEmpty()) {
            return Outcome.refused(Refusal.ofProblems(Refusal.Kind.INVALID, problems));
        }
        ExchangeMessage message;
        try {
            message = ExchangeJson.MAPPER.treeToValue(tree, ExchangeMessage.class);
        } catch (JacksonException | IllegalArgumentException e) {
            return Outcome.refused(Refusal.invalid("/", FederationRefusals.MESSAGE_UNREADABLE));
        }
        List<Refusal.FieldProblem> broken = ExchangeRules.problems(message);
        return broken.isEmpty()
                ? Outcome.done(message)
                : Outcome.refused(Refusal.ofProblems(Refusal.Kind.INVALID, broken));
    }

    /** What the schema finds wrong with the JSON, each problem at its pointer. */
    static List<Refusal.FieldProblem> schemaProblems(JsonNode tree) {
        return SCHEMA.validate(tree).stream()
                .limit(MAX_PROBLEMS)
                .map(ExchangeValidator::problem)
                .toList();
    }

    private static Refusal.FieldProblem problem(Error error) {
        String location = error.getInstanceLocation().toString();
        String pointer = location.isEmpty() ? "" : location;
        if (ABOUT_A_PROPERTY.contains(error.getKeyword()) && error.getProperty() != null) {
            pointer = pointer + "/" + error.getProperty();
        }
        String message = error.getMessage();
        if (message.startsWith(location + ": ")) {
            message = message.substring(location.length() + 2);
        }
        return Refusal.FieldProblem.of(pointer.isEmpty() ? "/" : pointer, FederationRefusals.BREAKS_SCHEMA, message);
    }

    private static Schema load() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true)
                        .regularExpressionFactory(new SchemaPatterns())
                        .pathType(PathType.JSON_POINTER)
                        .build()));
        try (InputStream schema = new ClassPathResource(ExchangeSchema.RESOURCE).getInputStream()) {
            return registry.getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException("the exchange schema is missing from the class path", e);
        }
    }
}
