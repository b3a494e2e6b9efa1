package io.cairn.incidents;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Reads a status in a URL parameter the way the API writes it ({@code triage}), in any case. */
@Component
class StatusParameter implements Converter<String, Status> {

    @Override
    public Status convert(String source) {
        return Status.fromCode(source);
    }
}
