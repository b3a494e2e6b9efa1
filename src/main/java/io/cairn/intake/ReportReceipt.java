package io.cairn.intake;

import io.cairn.incidents.IncidentId;
import java.util.List;

/** What a reporter sees after submitting: the reference to quote and the self-help tips, in their language. */
public record ReportReceipt(IncidentId incident, String reference, List<String> tips) {}
