package io.cairn.intake;

import io.cairn.incidents.IncidentId;

/**
 * What became of an alert.
 *
 * @param incident the incident the alert opened or was counted on
 * @param repeated true when the alert was a repeat, counted on an open incident
 * @param occurrences how often this alert has arrived
 */
record AlertReceipt(IncidentId incident, String reference, boolean repeated, int occurrences) {}
