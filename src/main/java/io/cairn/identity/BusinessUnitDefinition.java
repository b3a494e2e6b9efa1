package io.cairn.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The name and description of a business unit, and the legal entity it belongs to, to create or change it.
 *
 * @param legalEntity the legal entity the unit belongs to; none when not set
 */
public record BusinessUnitDefinition(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 2000) String description,
        @Nullable LegalEntityId legalEntity) {

    public BusinessUnitDefinition {
        name = name.trim();
        description = description == null ? "" : description.trim();
    }

    /** A unit that belongs to no legal entity. */
    public BusinessUnitDefinition(String name, String description) {
        this(name, description, null);
    }
}
