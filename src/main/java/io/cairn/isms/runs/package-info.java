/**
 * Runs of security procedures: started from a start form or by a schedule, each with its owner, due time and steps
 * routed to teams and approvers, moved on phase by phase only when the mandatory steps are done;
 * {@link io.cairn.isms.runs.ProcedureRuns} is its entry point.
 */
@org.jspecify.annotations.NullMarked
package io.cairn.isms.runs;
