package io.cairn.isms.schedules;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The schedule API: admins and coordinators add, revise, pause, resume and remove schedules of security procedures;
 * handlers read them and their history.
 */
@RestController
@RequestMapping("/api/v1/procedure-schedules")
@Tag(
        name = "Procedure schedules",
        description = "Schedules that start runs of a security procedure on the days of an RFC 5545 recurrence rule "
                + "(every quarter, the first Monday of the month), at a local time of day in a time zone, optionally "
                + "moved off (or skipping) the non-working days of an SLA calendar; each occurrence recorded with the "
                + "run it started or why none started.")
class ScheduleApi {

    private final ProcedureSchedules schedules;

    ScheduleApi(ProcedureSchedules schedules) {
        this.schedules = schedules;
    }

    @Operation(operationId = "listProcedureSchedules", summary = "List the schedules", description = "By name.")
    @GetMapping
    List<ScheduleView> all() {
        return schedules.schedules().orRefuse();
    }

    @Operation(operationId = "getProcedureSchedule", summary = "Read a schedule")
    @GetMapping("/{id}")
    ScheduleView one(@PathVariable ScheduleId id) {
        return schedules.schedule(id).orRefuse();
    }

    @Operation(
            operationId = "addProcedureSchedule",
            summary = "Add a schedule",
            description = "Admins and coordinators. The procedure type (id or key) must exist and not be retired, the "
                    + "owner be an enabled user, the values fit the type's start form; recurrence is an RFC 5545 "
                    + "RRULE of daily or coarser frequency that fires within ten years; time is HH:mm in zone; "
                    + "calendar (id or name) is an SLA calendar, nonWorkingDay next-working-day or skip.")
    @ApiResponse(responseCode = "201", description = "The schedule, added")
    @ApiResponse(responseCode = "400", description = "A field is refused; each problem names its field.")
    @PostMapping
    ResponseEntity<ScheduleView> add(@RequestBody ScheduleDraft draft) {
        ScheduleView added = schedules.add(draft).orRefuse();
        return ResponseEntity.created(URI.create("/api/v1/procedure-schedules/" + added.id()))
                .body(added);
    }

    @Operation(
            operationId = "reviseProcedureSchedule",
            summary = "Revise a schedule",
            description = "Admins and coordinators. It fires from the next occurrence after now; its history stays.")
    @ApiResponse(responseCode = "200", description = "The schedule, revised")
    @ApiResponse(responseCode = "409", description = "Someone changed it since the version given.")
    @PutMapping("/{id}")
    ScheduleView revise(@PathVariable ScheduleId id, @RequestParam long version, @RequestBody ScheduleDraft draft) {
        return schedules.revise(id, draft, version).orRefuse();
    }

    @Operation(
            operationId = "pauseProcedureSchedule",
            summary = "Pause a schedule",
            description = "Admins and coordinators. A paused schedule starts no runs.")
    @ApiResponse(responseCode = "200", description = "The schedule, paused")
    @ApiResponse(responseCode = "409", description = "It is paused already, or someone changed it since the version.")
    @PostMapping("/{id}/pause")
    ScheduleView pause(@PathVariable ScheduleId id, @RequestParam long version) {
        return schedules.pause(id, version).orRefuse();
    }

    @Operation(
            operationId = "resumeProcedureSchedule",
            summary = "Resume a schedule",
            description = "Admins and coordinators. It fires from the next occurrence after now; occurrences while it "
                    + "was paused start nothing.")
    @ApiResponse(responseCode = "200", description = "The schedule, active again")
    @ApiResponse(responseCode = "409", description = "It is active already, or someone changed it since the version.")
    @PostMapping("/{id}/resume")
    ScheduleView resume(@PathVariable ScheduleId id, @RequestParam long version) {
        return schedules.resume(id, version).orRefuse();
    }

    @Operation(
            operationId = "removeProcedureSchedule",
            summary = "Remove a schedule that never fired",
            description =
                    "Admins and coordinators. A schedule that fired is paused instead, so that its history stays.")
    @ApiResponse(responseCode = "204", description = "Removed")
    @ApiResponse(responseCode = "409", description = "It fired already, or someone changed it since the version.")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> remove(@PathVariable ScheduleId id, @RequestParam long version) {
        schedules.remove(id, version).orRefuse();
        return ResponseEntity.noContent().build();
    }

    @Operation(
            operationId = "listProcedureScheduleOccurrences",
            summary = "The occurrences a schedule fired",
            description = "Newest first, the latest 200: the run each started, or why none started, or missed.")
    @GetMapping("/{id}/occurrences")
    List<OccurrenceView> occurrences(@PathVariable ScheduleId id) {
        return schedules.occurrences(id).orRefuse();
    }

    @Operation(
            operationId = "previewProcedureSchedule",
            summary = "Preview the next occurrences of a draft",
            description = "Readers. Computed as the scanner fires them (zone, daylight saving, the move off a "
                    + "non-working day), from now on; only the fields of when it fires are checked.")
    @ApiResponse(responseCode = "200", description = "The next occurrences")
    @ApiResponse(responseCode = "400", description = "When it fires is refused; each problem names its field.")
    @PostMapping("/preview")
    SchedulePreview preview(
            @RequestBody ScheduleDraft draft, @RequestParam(defaultValue = "" + ScheduleReading.PREVIEW) int count) {
        return schedules.preview(draft, count).orRefuse();
    }
}
