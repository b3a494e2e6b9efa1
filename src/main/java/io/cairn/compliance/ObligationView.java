package io.cairn.compliance;

import io.cairn.identity.LegalEntityId;
import io.cairn.incidents.IncidentId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A regulatory obligation of an incident towards one legal entity under one regime, with its stages.
 *
 * @param regimeVersion the version of the regime the obligation started under (or was re-based on); its clocks count
 *     by that version
 * @param zone the regime's time zone, in which its calendar clocks count
 * @param authority the recipient authority of the legal entity (GDPR: its lead supervisory authority); none when the
 *     stages name theirs
 * @param version the version an admin's re-base names
 * @param closedAt when the obligation closed because its regime no longer applies; none while it applies
 * @param closedReason why it closed: {@code regime-not-applicable} (the legal entity's profile changed),
 *     {@code other-legal-entity} (the incident concerns another one now) or {@code no-legal-entity}
 */
public record ObligationView(
        UUID id,
        IncidentId incident,
        LegalEntityId legalEntity,
        String legalEntityName,
        String regime,
        String regimeName,
        String regimeVersion,
        String zone,
        @Nullable String authority,
        @Nullable Instant rebasedAt,
        List<Stage> stages,
        long version,
        @Nullable Instant closedAt,
        @Nullable String closedReason) {

    public ObligationView {
        stages = List.copyOf(stages);
    }

    /**
     * A stage of the obligation.
     *
     * @param status {@code not-started} (it never opened), {@code not-yet-running} (its clock waits for a fact),
     *     {@code open}, {@code due-soon} (a warning passed), {@code overdue}, {@code closed-not-required}, or
     *     {@code no-longer-applies} (the obligation closed)
     * @param dueAt when it is due; none while its clock does not run or it is not required
     * @param internalTarget the law sets no time ("without undue delay"): the due instant is the organisation's target
     * @param nextWarningAt when its next warning falls; none when no warning is left
     */
    public record Stage(
            String stage,
            String name,
            String recipient,
            String status,
            @Nullable Instant dueAt,
            boolean internalTarget,
            @Nullable Instant nextWarningAt,
            @Nullable Instant openedAt,
            @Nullable Instant closedAt) {}
}
