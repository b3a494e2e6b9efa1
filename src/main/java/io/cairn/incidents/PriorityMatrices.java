package io.cairn.incidents;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored priority matrix: one row, a JSON document. Kept in memory and reloaded every few seconds, so that a
 * change made on another node takes effect here too.
 */
@Component
class PriorityMatrices {

    private static final JsonMapper json = JsonMapper.builder().build();

    private static final long RELOAD_NANOS = java.time.Duration.ofSeconds(10).toNanos();

    private final JdbcClient jdbc;
    private volatile PriorityMatrix cached;
    private volatile long loadedAt;

    PriorityMatrices(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.cached = load();
        this.loadedAt = System.nanoTime();
    }

    PriorityMatrix current() {
        if (System.nanoTime() - loadedAt > RELOAD_NANOS) {
            cached = load();
            loadedAt = System.nanoTime();
        }
        return cached;
    }

    PriorityMatrix load() {
        return jdbc.sql("select document::text as document, version from priority_matrix where id = 1")
                .query((row, n) -> {
                    JsonNode document = json.readTree(row.getString("document"));
                    return new PriorityMatrix(
                            strings(document.get("impacts")),
                            strings(document.get("urgencies")),
                            strings(document.get("priorities")),
                            json.convertValue(document.get("cells"), new TypeReference<List<List<Integer>>>() {}),
                            row.getLong("version"));
                })
                .single();
    }

    /** Stores the matrix if the stored one is still at the given version; false when someone was first. */
    boolean replace(PriorityMatrix matrix, long expectedVersion) {
        String document = json.writeValueAsString(java.util.Map.of(
                "impacts",
                matrix.impacts(),
                "urgencies",
                matrix.urgencies(),
                "priorities",
                matrix.priorities(),
                "cells",
                matrix.cells()));
        int updated = jdbc.sql("update priority_matrix set document = ?::jsonb, version = version + 1 "
                        + "where id = 1 and version = ?")
                .param(document)
                .param(expectedVersion)
                .update();
        cached = load();
        loadedAt = System.nanoTime();
        return updated == 1;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(node -> values.add(node.asString()));
        return values;
    }
}
