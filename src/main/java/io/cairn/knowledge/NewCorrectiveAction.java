package io.cairn.knowledge;

import io.cairn.identity.UserId;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A corrective action a review adds: what, who (a user) and by when (today or later). */
public record NewCorrectiveAction(
        @Nullable String title,
        @Nullable UserId owner,
        @Nullable LocalDate dueOn) {}
