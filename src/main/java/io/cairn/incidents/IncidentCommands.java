package io.cairn.incidents;

import io.cairn.identity.BusinessUnitId;
import io.cairn.identity.TeamId;
import io.cairn.identity.UserId;
import io.cairn.shared.Pap;
import io.cairn.shared.Tlp;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The named commands that change an incident. Each that replaces state carries the {@code version} the caller saw,
 * so a second writer with an old version is refused instead of overwriting.
 */
public final class IncidentCommands {

    private IncidentCommands() {}

    /** Gives the incident an owner, a team and a business unit; an absent value clears it. */
    public record Assign(
            @Nullable UserId owner,
            @Nullable TeamId team,
            @Nullable BusinessUnitId businessUnit,
            @NotNull @PositiveOrZero Long version) {}

    /** Sets impact and urgency by their labels in the priority matrix; the priority follows from them. */
    public record Reprioritise(
            @NotBlank @Size(max = 40) String impact,
            @NotBlank @Size(max = 40) String urgency,
            @NotNull @PositiveOrZero Long version) {}

    /** Sets the RSIT category, and optionally the severity and determination. */
    public record Recategorise(
            @NotNull @Valid Category category,
            @Nullable Severity severity,
            @Nullable Determination determination,
            @NotNull @PositiveOrZero Long version) {}

    /** Moves the incident to another status; dismissing, closing and reopening need a reason. */
    public record Transition(
            @NotNull Status to,
            @Nullable @Size(max = 5_000) String reason,
            @NotNull @PositiveOrZero Long version) {}

    /** Adds a note to the timeline. Notes are appended, never replaced, so they carry no version. */
    public record AddNote(@NotBlank @Size(max = 20_000) String text) {}

    /** Links this incident to another. */
    public record Link(@NotNull IncidentId target, @NotNull LinkKind kind) {}

    /** Folds this incident into another: its timeline is copied there and it is closed as a duplicate. */
    public record Merge(
            @NotNull IncidentId target,
            @NotNull @PositiveOrZero Long version) {}

    /** Changes the TLP and PAP markings and the confidential flag; lowering TLP needs a reason. */
    public record Mark(
            @NotNull Tlp tlp,
            @NotNull Pap pap,
            @NotNull Boolean confidential,
            @Nullable @Size(max = 5_000) String reason,
            @NotNull @PositiveOrZero Long version) {}

    /** Replaces the title and description. */
    public record Describe(
            @NotBlank @Size(max = IncidentTitle.MAX_LENGTH) String title,
            @NotBlank @Size(max = 20_000) String description,
            @NotNull @PositiveOrZero Long version) {}

    /**
     * Records who or what detected the incident (MET-5).
     *
     * @param source a system, a person inside the organisation, or someone outside it
     * @param detectedBy the tool or party, such as {@code EDR} or {@code customer}
     */
    public record RecordDetection(
            @NotNull DetectionSource source,
            @Nullable @Size(max = 120) String detectedBy,
            @NotNull @PositiveOrZero Long version) {}

    /** Records when the incident occurred and when it was detected. */
    public record RecordTimes(
            @Nullable Instant occurredAt,
            @Nullable Instant detectedAt,
            @NotNull @PositiveOrZero Long version) {}
}
