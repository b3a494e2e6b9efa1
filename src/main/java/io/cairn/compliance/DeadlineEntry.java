package io.cairn.compliance;

import io.cairn.identity.LegalEntityId;
import io.cairn.incidents.IncidentId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An open stage of an obligation in the overview of deadlines across incidents.
 *
 * @param status {@code overdue}, {@code due-soon}, {@code open} or {@code not-yet-running}
 * @param dueAt when it is due; none while its clock does not run
 * @param internalTarget the law sets no time: the due instant is the organisation's own target
 * @param firstWarningAt the stage's first warning (the calendar's alarm); none while its clock does not run
 */
public record DeadlineEntry(
        IncidentId incident,
        String incidentReference,
        String incidentTitle,
        UUID obligation,
        String regime,
        String regimeName,
        LegalEntityId legalEntity,
        String legalEntityName,
        String stage,
        String stageName,
        String recipient,
        String status,
        @Nullable Instant dueAt,
        boolean internalTarget,
        @Nullable Instant firstWarningAt) {}
