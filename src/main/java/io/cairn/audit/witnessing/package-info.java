/**
 * What this instance's audit trail shows its peers, and how it witnesses theirs: its newest checkpoint with the
 * cosignatures peers made of it, consistency proofs between checkpoints (hashes only, never a record), and the
 * witness that cosigns a peer's checkpoint after checking it is consistent with the last one it saw (C2SP
 * {@code tlog-cosignature}). Only the federation module uses it, for requests peers signed.
 */
@org.springframework.modulith.NamedInterface("witnessing")
@org.jspecify.annotations.NullMarked
package io.cairn.audit.witnessing;
