package io.cairn.assets;

import io.cairn.identity.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A device as the registry shows it. */
public record DeviceView(
        DeviceId id,
        String name,
        DeviceKind kind,
        String identifier,
        @Nullable UserId holder,
        @Nullable Instant holderSince,
        boolean retired,
        long version) {

    /** How a reporter recognises it in a list, for example "Laptop ABC-123 (SN 5CG7...)". */
    public String label() {
        return name + " (" + identifier + ")";
    }
}
