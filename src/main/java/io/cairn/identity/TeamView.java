package io.cairn.identity;

import org.jspecify.annotations.Nullable;

/** A team as other modules and the API see it. */
public record TeamView(
        TeamId id,
        String name,
        String description,
        @Nullable BusinessUnitId businessUnit,
        long version) {}
