package io.cairn.shared;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The current state of one type of audited object, as digests, for the audit trail's verification to compare with
 * the digest each object's latest audit record holds: an object whose stored state differs was changed outside
 * Cairn, for instance by a direct SQL update.
 *
 * <p>A module whose events carry a digest of an object's whole state ({@link AuditableEvent#afterDigest()}) may
 * implement this as a bean; the audit module finds the beans and never reads the module's tables.
 */
public interface AuditedStates {

    /** The object type, as the module's events name it ({@link AuditableEvent#objectType()}). */
    String objectType();

    /**
     * The actions whose after-digest is the digest of the object's whole state, computed as {@link State#digest()}
     * is. Other records about the object (a note added, a read, another module's reaction) are not compared.
     */
    Set<String> stateActions();

    /**
     * The states of the objects whose id comes after {@code afterId} (all, when absent), at most {@code limit}, in
     * the order of their ids as {@link String#compareTo} orders them. Called in the verification's transaction, so
     * that states and records are read from one snapshot.
     */
    List<State> statesAfter(@Nullable String afterId, int limit);

    /**
     * One object's current state.
     *
     * @param id the object's id, as the audit records name it
     * @param label how people name it, such as {@code INC-42}
     * @param digest the digest of its stored state, computed as the digests of its events are
     */
    record State(String id, String label, String digest) {}
}
