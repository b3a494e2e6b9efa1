package io.cairn.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The name, description and business unit of a team, to create or change it. */
record TeamDefinition(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 2000) String description,
        @Nullable BusinessUnitId businessUnit) {

    TeamDefinition {
        name = name.trim();
        description = description == null ? "" : description.trim();
    }
}
