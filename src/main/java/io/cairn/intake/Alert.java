package io.cairn.intake;

import io.cairn.incidents.Category;
import io.cairn.incidents.Severity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An alert from a monitoring system. The pair of {@code source} and {@code reference} identifies it: the same pair
 * again is a repeat of the same alert.
 *
 * @param source the sending system, for example {@code wazuh} or {@code edr.eu-west}
 * @param reference the sending system's own id of the alert
 */
record Alert(
        @NotBlank
        @Pattern(
                regexp = "[a-z0-9][a-z0-9._-]{0,99}",
                message = "must be 1 to 100 lower-case letters, digits, dots, dashes or underscores")
        String source,

        @NotBlank @Size(max = 200) String reference,
        @NotNull Severity severity,
        @NotBlank @Size(max = 300) String title,
        @Nullable @Size(max = 20_000) String description,
        @Nullable @Valid Category category,
        @Size(max = 100) List<@Valid @NotNull Observable> observables,
        @Nullable Instant occurredAt) {

    Alert {
        observables = observables == null ? List.of() : List.copyOf(observables);
    }
}
