package io.cairn.incidents;

/**
 * A change of an incident's observables: one was added, revised or removed. The incident's own state stays as it
 * was, so the after-digest chains the observable's content into the digest of that state.
 */
public sealed interface ObservableEvent extends IncidentChanged
        permits ObservableAdded, ObservableRevised, ObservableRemoved {

    /** The observable that changed. */
    ObservableId observable();
}
