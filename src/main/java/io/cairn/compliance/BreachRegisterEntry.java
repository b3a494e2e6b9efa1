package io.cairn.compliance;

import io.cairn.identity.LegalEntityId;
import io.cairn.incidents.IncidentId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One assessed personal-data breach in the register of GDPR Art. 33(5), notified or not (GDPR-10): the facts, the
 * effects, the remedial action, the decisions with their rationale, whether the authority and the people were told and
 * when, or why not.
 *
 * @param registeredAt the instant the register sorts and filters by: the awareness of the breach, else its first
 *     assessment
 * @param breach the answer to "is this a personal-data breach": {@code yes}, {@code no} or {@code unknown}
 * @param risk the GDPR risk decision ({@code unlikely}, {@code risk}, {@code high-risk}); none when not decided
 * @param facts the facts of the breach: the incident's title and description
 * @param effects the likely consequences, from the notification's draft or the risk decision's rationale
 * @param remedialAction the measures taken or proposed, from the notification's draft
 * @param notification {@code notified}, {@code pending} (an open obligation), or {@code not-required} (no breach, an
 *     unlikely risk, or no obligation)
 * @param subjectsExemption the exemption of Art. 34(3) decided from telling the people ({@code data-unintelligible},
 *     {@code risk-no-longer-likely}, {@code disproportionate-effort}); none when none was
 * @param subjectsExemptionReason the exemption's rationale and evidence; none without one
 * @param publicCommunicationAt when the public communication that took the place of telling the people went out
 * @param notNotifiedBecause why the authority was not told: the rationale of the deciding decision; none when it was
 * @param delayReasons the reasons given for late submissions
 */
public record BreachRegisterEntry(
        IncidentId incident,
        String reference,
        String title,
        @Nullable LegalEntityId legalEntity,
        @Nullable String legalEntityName,
        Instant registeredAt,
        @Nullable Instant detectedAt,
        @Nullable Instant awareAt,
        String breach,
        String breachRationale,
        Instant assessedAt,
        String assessedBy,
        List<String> breachTypes,
        String dataCategories,
        String subjectCategories,
        @Nullable Long approximateSubjects,
        @Nullable Long approximateRecords,
        boolean specialCategoryOrCriminal,
        @Nullable String risk,
        @Nullable String riskRationale,
        String facts,
        String effects,
        String remedialAction,
        String notification,
        @Nullable Instant authorityNotifiedAt,
        @Nullable String authorityReference,
        @Nullable Instant subjectsNotifiedAt,
        @Nullable String subjectsExemption,
        @Nullable String subjectsExemptionReason,
        @Nullable Instant publicCommunicationAt,
        @Nullable String notNotifiedBecause,
        List<String> delayReasons) {

    public BreachRegisterEntry {
        breachTypes = List.copyOf(breachTypes);
        delayReasons = List.copyOf(delayReasons);
    }
}
