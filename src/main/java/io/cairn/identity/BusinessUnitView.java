package io.cairn.identity;

/** A business unit as other modules and the API see it. */
public record BusinessUnitView(BusinessUnitId id, String name, String description, long version) {}
