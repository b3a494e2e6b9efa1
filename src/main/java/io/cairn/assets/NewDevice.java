package io.cairn.assets;

import io.cairn.identity.UserId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A device to register.
 *
 * @param identifier what identifies it: a serial number, a hostname, an asset tag; unique in the registry
 * @param holder who holds it now, if anyone
 * @param holderSince since when they hold it; default now
 */
public record NewDevice(
        @NotBlank @Size(max = 200) String name,
        @NotNull DeviceKind kind,
        @NotBlank @Size(max = 200) String identifier,
        @Nullable UserId holder,
        @Nullable Instant holderSince) {}
