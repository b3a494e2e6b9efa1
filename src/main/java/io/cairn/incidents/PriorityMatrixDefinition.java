package io.cairn.incidents;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A priority matrix as an admin enters it; checked for gaps and bad labels before it replaces the stored one. */
public record PriorityMatrixDefinition(
        @Nullable List<String> impacts,
        @Nullable List<String> urgencies,
        @Nullable List<String> priorities,
        @Nullable List<List<Integer>> cells,
        @NotNull Long version) {}
