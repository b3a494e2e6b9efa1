package io.cairn.incidents;

import java.util.Optional;

/**
 * An existing incident changed through one of its verbs; each verb is a record of this sealed family.
 *
 * <p>The records of {@link StateChange} change the incident's state: their after-digest is the digest of the whole
 * state ({@code Incident.snapshot()}), which verification compares with the stored incident. The others (a note, a
 * link, the conversation with the reporter) leave the state as it was and chain their own content into the
 * after-digest instead.
 */
public sealed interface IncidentChanged extends IncidentEvent
        permits IncidentChanged.StateChange,
                IncidentNoted,
                IncidentLinked,
                ReporterAsked,
                ReporterAnswered,
                ObservableEvent {

    /** The incident's status after the change. */
    Status status();

    /** The digest of the incident's state before the change. */
    String digestBefore();

    /** The digest after the change: the whole state's for a {@link StateChange}, else the state's and the content's. */
    String digestAfter();

    @Override
    default Optional<String> beforeDigest() {
        return Optional.of(digestBefore());
    }

    @Override
    default Optional<String> afterDigest() {
        return Optional.of(digestAfter());
    }

    /** A change of the incident's state, whose after-digest is the digest of the incident as stored after it. */
    sealed interface StateChange extends IncidentChanged
            permits IncidentAssigned,
                    IncidentReprioritised,
                    IncidentRecategorised,
                    IncidentTransitioned,
                    IncidentMarked,
                    IncidentDescribed,
                    IncidentTimesRecorded,
                    IncidentDetectionRecorded,
                    IncidentMerged,
                    IncidentMergedIn,
                    IncidentServicesChanged,
                    IncidentVerisRecorded {}
}
