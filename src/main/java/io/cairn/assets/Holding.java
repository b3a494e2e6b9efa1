package io.cairn.assets;

import io.cairn.identity.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One period in which a user held a device; the current one has no end. */
public record Holding(
        DeviceId device,
        UserId holder,
        Instant from,
        @Nullable Instant until) {}
