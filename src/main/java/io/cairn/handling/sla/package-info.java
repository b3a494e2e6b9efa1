/**
 * SLAs of the handling module: business-hour calendars, SLA policies per priority, escalation levels, the response
 * and resolution clocks of each incident, and the scanner that warns, marks breaches and escalates;
 * {@link io.cairn.handling.sla.SlaManagement} is its entry point.
 */
@org.jspecify.annotations.NullMarked
package io.cairn.handling.sla;
