package io.cairn.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON as the API reads it: strictly. A body that says one thing twice ({@code {"title": "a", "title": "b"}}), a
 * number where text or a boolean belongs ({@code "confidential": 1}), a fraction where a whole number belongs
 * ({@code "version": 1.5}), text where a number belongs ({@code "version": "3"}), a number for an enumerated value,
 * and a time as a number of seconds ({@code "occurredAt": 12345}) are refused, naming the field, rather than guessed
 * at. Times and days are ISO 8601 text within the years {@link ApiTimes} takes.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    @Bean
    JsonMapperBuilderCustomizer strictJsonReading() {
        return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .withCoercionConfig(
                        LogicalType.Textual,
                        text -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Boolean, bool -> bool.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .addModule(new SimpleModule("cairn-strict-times")
                        .addDeserializer(
                                Instant.class, new IsoText<>(Instant.class, Instant::parse, ApiTimes::problemOf))
                        .addDeserializer(
                                LocalDate.class,
                                new IsoText<>(LocalDate.class, LocalDate::parse, ApiTimes::problemOf)));
    }

    /**
     * A time or day read only from ISO 8601 text: Jackson's own readers also take numbers (seconds or days since
     * 1970) and arrays ({@code [2026, 11, 22]}), and any year.
     */
    private static final class IsoText<T> extends StdScalarDeserializer<T> {

        private final Function<String, T> parse;
        private final Function<T, Optional<String>> problem;

        IsoText(Class<T> type, Function<String, T> parse, Function<T, Optional<String>> problem) {
            super(type);
            this.parse = parse;
            this.problem = problem;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (T) context.handleUnexpectedToken(handledType(), parser);
            }
            String text = parser.getString().trim();
            T value;
            try {
                value = parse.apply(text);
            } catch (DateTimeParseException e) {
                throw new InvalidFormatException(parser, e.getMessage(), text, handledType());
            }
            Optional<String> outside = problem.apply(value);
            if (outside.isPresent()) {
                InvalidFormatException refused = new InvalidFormatException(parser, outside.get(), text, handledType());
                refused.initCause(new IllegalArgumentException(outside.get()));
                throw refused;
            }
            return value;
        }
    }
}
