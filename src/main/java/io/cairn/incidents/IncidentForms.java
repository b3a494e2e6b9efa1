package io.cairn.incidents;

import io.cairn.shared.Pap;
import io.cairn.shared.Tlp;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The forms of an incident's page, one for each action: the fields as {@link IncidentPages} binds and validates them
 * when posted, and as {@link IncidentPageModel} fills them with the incident's values. Each form that changes the
 * incident carries the version the user saw.
 */
final class IncidentForms {

    private IncidentForms() {}

    record AssignForm(
            @Nullable String owner,
            @Nullable String team,
            @Nullable String businessUnit,
            @NotNull Long version) {}

    record PriorityForm(
            @NotBlank String impact,
            @NotBlank String urgency,
            @NotNull Long version) {}

    record CategoryForm(
            @NotBlank String category,
            @Nullable Severity severity,
            @Nullable Determination determination,
            @NotNull Long version) {}

    record TransitionForm(
            @NotBlank String to,
            @Nullable @Size(max = 5_000) String reason,
            @NotNull Long version) {}

    record NoteForm(@NotBlank @Size(max = 20_000) String text) {}

    record LinkForm(
            @NotBlank @Size(max = 100) String target,
            @NotNull LinkKind kind) {}

    record MergeForm(
            @NotBlank @Size(max = 100) String target,
            @NotNull Long version) {}

    record MarkForm(
            @NotNull Tlp tlp,
            @NotNull Pap pap,
            @Nullable Boolean confidential,
            @Nullable @Size(max = 5_000) String reason,
            @NotNull Long version) {}

    record DescribeForm(
            @NotBlank @Size(max = IncidentTitle.MAX_LENGTH) String title,
            @NotBlank @Size(max = 20_000) String description,
            @NotNull Long version) {}

    record TimesForm(
            @Nullable @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm", fallbackPatterns = "yyyy-MM-dd'T'HH:mm:ss")
            LocalDateTime occurredAt,

            @Nullable @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm", fallbackPatterns = "yyyy-MM-dd'T'HH:mm:ss")
            LocalDateTime detectedAt,

            @NotNull Long version) {}
}
