package io.cairn.intake.providers;

import io.cairn.identity.BusinessUnitId;
import io.cairn.incidents.Category;
import io.cairn.incidents.Determination;
import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentView;
import io.cairn.incidents.Severity;
import io.cairn.shared.ActorRef;
import io.cairn.shared.Outcome;
import io.cairn.shared.Pap;
import io.cairn.shared.Tlp;
import io.cairn.shared.WithoutAccessChecks;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Intake's entry point for incidents that provider peers publish to this instance: the first version becomes a report
 * (routed, given SLAs and playbooks like any other), and later versions add notes, indicators and changes of marking.
 * The caller has verified the provider; {@code channel} is how the timeline and the audit trail name it.
 */
@WithoutAccessChecks
public interface ProviderIntake {

    /**
     * An incident as a provider states it, in this instance's types.
     *
     * @param description the text the incident is described by (the provider's summary)
     */
    record ProviderReport(
            String title,
            String description,
            Category category,
            Severity severity,
            Determination determination,
            @Nullable Instant occurredAt,
            @Nullable Instant detectedAt,
            Tlp tlp,
            Pap pap,
            @Nullable BusinessUnitId businessUnit) {}

    /**
     * An indicator as a provider sent it: its observable type's code, its value, whether it indicates compromise, and
     * the provider's marking of it.
     */
    record Indicator(String type, String value, boolean ioc, Tlp tlp) {}

    /**
     * What became of indicators: how many were added, and each one that is no value of its type, with why.
     *
     * @param invalid {@code type value: why}, one per indicator left out
     */
    record Observed(int added, List<String> invalid) {

        public Observed {
            invalid = List.copyOf(invalid);
        }
    }

    /** Opens the report of a provider's incident, marked as received from the provider (by its name here). */
    Outcome<IncidentView> open(String provider, ActorRef channel, ProviderReport report);

    /** Adds the valid indicators the incident does not have yet; the invalid ones are left out and listed. */
    Observed observe(IncidentId incident, ActorRef channel, List<Indicator> indicators);

    /** Adds a note the provider's channel writes. */
    void note(IncidentId incident, ActorRef channel, String text);

    /** Gives the incident the provider's TLP and PAP, with the provider's reason. */
    void remark(IncidentId incident, ActorRef channel, Tlp tlp, Pap pap, String reason);

    /** Marks the incident as relayed to this instance's customers (the incidents list shows it and filters by it). */
    void relayed(IncidentId incident);
}
