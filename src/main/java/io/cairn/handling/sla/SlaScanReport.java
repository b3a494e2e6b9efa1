package io.cairn.handling.sla;

/**
 * What one scan for due SLA warnings, breaches and escalations did.
 *
 * @param warnings warnings recorded and sent
 * @param breaches breaches recorded and sent
 * @param escalations breaches moved to their next escalation level
 * @param millis how long the scan took, in milliseconds
 */
public record SlaScanReport(int warnings, int breaches, int escalations, long millis) {}
