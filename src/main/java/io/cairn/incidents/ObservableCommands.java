package io.cairn.incidents;

import io.cairn.shared.Tlp;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The commands that change an incident's observables. */
public final class ObservableCommands {

    /** The longest note of an observable. */
    public static final int MAX_NOTE = 500;

    private ObservableCommands() {}

    /**
     * Adds an observable: its type's code and the value, which is checked and normalised for the type.
     *
     * @param tlp its marking; the incident's when absent
     * @param ioc whether it is an indicator of compromise; true when absent
     */
    public record Add(
            @NotBlank @Size(max = 50) String type,

            @NotNull @Size(max = ObservableValues.MAX_LENGTH)
            String value,

            @Nullable Tlp tlp,
            @Nullable Boolean ioc,
            @Nullable @Size(max = MAX_NOTE) String note) {}

    /**
     * Changes what a handler says of an observable; an absent field stays as it is, and an empty note removes the note.
     * The value and type never change: remove the observable and add another.
     */
    public record Revise(
            @Nullable Tlp tlp,
            @Nullable Boolean ioc,
            @Nullable @Size(max = MAX_NOTE) String note,
            @NotNull @PositiveOrZero Long version) {}
}
