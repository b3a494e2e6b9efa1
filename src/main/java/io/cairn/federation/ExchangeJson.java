package io.cairn.federation;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How exchange messages are read and written as JSON: strictly (an unknown field, a doubled key, a null for a number
 * or trailing text is refused) and the same way on every instance, times as RFC 3339 text in UTC.
 */
final class ExchangeJson {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ExchangeJson() {}

    /** The message as the UTF-8 bytes of its JSON payload. */
    static byte[] write(ExchangeMessage message) {
        return MAPPER.writeValueAsBytes(message);
    }
}
