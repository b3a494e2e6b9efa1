package io.cairn.intake;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A report made through a template.
 *
 * @param template the template's key
 * @param answers answers by question key; a device question takes a device id of the reporter's or a description, a
 *     date-time question an ISO instant or a local date-time read in {@code timeZone}
 * @param confidential the reporter asks that only the security team sees it (a template may make it so anyway)
 * @param language {@code en} or {@code nl}: the language the questions were asked in; default English
 * @param timeZone the reporter's time zone (IANA, for example {@code Europe/Amsterdam}); default UTC
 */
public record ReportSubmission(
        @NotBlank @Size(max = 40) String template,
        @NotNull @Size(max = 40) Map<String, String> answers,
        @Nullable Boolean confidential,
        @Nullable @Size(max = 5) String language,
        @Nullable @Size(max = 60) String timeZone) {

    public ReportSubmission {
        answers = Map.copyOf(answers);
        confidential = Boolean.TRUE.equals(confidential);
    }
}
