/**
 * Procedures of the handling module: playbooks, their runs on incidents (whose steps become tasks, phase by phase),
 * tasks for other teams and the incident fields shared with them;
 * {@link io.cairn.handling.procedures.ProcedureManagement} is its entry point.
 */
@org.jspecify.annotations.NullMarked
package io.cairn.handling.procedures;
