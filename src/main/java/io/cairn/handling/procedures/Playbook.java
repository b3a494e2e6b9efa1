package io.cairn.handling.procedures;

import java.time.Instant;

/** A stored playbook: its definition, whether it still starts on new incidents, and its version for edits. */
public record Playbook(
        PlaybookId id,
        PlaybookDefinition definition,
        boolean retired,
        Instant updatedAt,
        String updatedBy,
        long version) {}
