/**
 * Schedules that start runs of security procedures (every quarter, the first Monday of the month), and the interface
 * through which they start them ({@link io.cairn.isms.schedules.ScheduledRunStarter}).
 */
@org.jspecify.annotations.NullMarked
package io.cairn.isms.schedules;
