package io.cairn.isms.runs;

import io.cairn.isms.procedures.ProcedureTypeId;

/** A procedure type a person may start a run of, in the reader's language. */
public record Startable(ProcedureTypeId id, String name, String description) {}
