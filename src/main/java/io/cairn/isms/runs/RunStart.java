package io.cairn.isms.runs;

import io.cairn.isms.procedures.ProcedureTypeId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a person fills in to start a run: the procedure type, the values of its start form by field key (a person field
 * by user name, a date as {@code 2026-12-31}), and who owns the run (by user name; the person starting it if empty).
 */
public record RunStart(
        @Nullable ProcedureTypeId procedureType,
        Map<String, String> values,
        @Nullable String owner) {

    public RunStart {
        Map<String, String> given = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((key, value) -> given.put(key == null ? "" : key, value == null ? "" : value));
        }
        values = given;
        owner = owner == null || owner.isBlank() ? null : owner.trim();
    }
}
