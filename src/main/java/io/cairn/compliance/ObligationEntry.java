package io.cairn.compliance;

/** An obligation in a list across incidents, with the incident it belongs to as people know it. */
public record ObligationEntry(ObligationView obligation, String incidentReference, String incidentTitle) {}
