package io.cairn.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The name and description of a business unit, to create or change it. */
public record BusinessUnitDefinition(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 2000) String description) {

    public BusinessUnitDefinition {
        name = name.trim();
        description = description == null ? "" : description.trim();
    }
}
