/**
 * Schedules of security procedures: a schedule starts a run of a procedure type on the days of an RFC 5545 recurrence
 * rule, at a local time in a time zone, optionally on the working days of an SLA calendar;
 * {@link io.cairn.isms.schedules.ProcedureSchedules} is its entry point, and runs implement
 * {@link io.cairn.isms.schedules.ScheduledRunStarter} to start what it fires.
 */
@org.jspecify.annotations.NullMarked
package io.cairn.isms.schedules;
