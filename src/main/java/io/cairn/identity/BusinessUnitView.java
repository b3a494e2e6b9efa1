package io.cairn.identity;

import org.jspecify.annotations.Nullable;

/**
 * A business unit as other modules and the API see it.
 *
 * @param legalEntity the legal entity it belongs to; none when not set
 */
public record BusinessUnitView(
        BusinessUnitId id,
        String name,
        String description,
        @Nullable LegalEntityId legalEntity,
        long version) {}
