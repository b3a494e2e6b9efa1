package io.cairn.compliance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The calendar feed of a user's deadlines (iCalendar): its address carries the user's secret, because calendar apps
 * cannot sign in; a revoked or unknown secret answers 404.
 */
@RestController
@Tag(name = "Deadlines")
class CalendarApi {

    /** The feed's path; {@code {token}} is the user's secret. */
    static final String PATH = "/api/v1/public/calendar/{token}/deadlines.ics";

    private final DeadlineReading deadlines;

    CalendarApi(DeadlineReading deadlines) {
        this.deadlines = deadlines;
    }

    @Operation(
            operationId = "getDeadlineCalendar",
            summary = "The calendar (iCalendar, RFC 5545) of the deadlines the holder of the secret sees",
            description = "One event per stage deadline with a stable UID and an alarm at its first warning. The "
                    + "secret is issued and revoked on the user's account page.")
    @GetMapping(PATH)
    ResponseEntity<byte[]> calendar(@PathVariable String token) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .body(deadlines.calendar(token).orRefuse().getBytes(StandardCharsets.UTF_8));
    }
}
