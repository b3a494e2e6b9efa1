package io.cairn.isms.controls;

/**
 * A file attached to a step in the evidence of a control: its name as given and its SHA-256, computed by Cairn when it
 * was attached, so that an auditor can check a copy of it.
 */
public record EvidenceAttachment(String name, String sha256) {

    /** As the CSV writes it: {@code name (sha256)}. */
    @Override
    public String toString() {
        return name + " (" + sha256 + ")";
    }
}
