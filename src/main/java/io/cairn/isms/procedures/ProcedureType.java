package io.cairn.isms.procedures;

import java.time.Instant;

/**
 * A stored procedure type: its definition, whether runs may still be started from it, and its version for edits.
 *
 * @param retired whether it is retired: no new runs start from it; runs started before go on
 */
public record ProcedureType(
        ProcedureTypeId id,
        ProcedureDefinition definition,
        boolean retired,
        Instant updatedAt,
        String updatedBy,
        long version) {}
