package io.cairn.handling.sla;

import io.cairn.incidents.IncidentId;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * The SLA API: business-hour calendars, policies per priority and escalation levels (admins change them; staff
 * read them), the clocks of an incident, acknowledging its breaches, and running a scan.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(
        name = "SLA",
        description = "Service levels: business-hour calendars, a policy per priority, escalation levels, and the "
                + "clocks of each incident. Admins change them; staff read them.")
class SlaApi {

    private final SlaManagement sla;

    SlaApi(SlaManagement sla) {
        this.sla = sla;
    }

    @Operation(operationId = "listSlaCalendars", summary = "List the business-hour calendars")
    @GetMapping("/sla/calendars")
    List<SlaCalendarView> calendars() {
        return sla.calendars().orRefuse();
    }

    @Operation(operationId = "getSlaCalendar", summary = "Read a business-hour calendar")
    @GetMapping("/sla/calendars/{id}")
    SlaCalendarView calendar(@PathVariable SlaCalendarId id) {
        return sla.calendar(id).orRefuse();
    }

    @Operation(
            operationId = "createSlaCalendar",
            summary = "Add a business-hour calendar",
            description = "Admins. Overlapping hours are refused naming the day.")
    @ApiResponse(responseCode = "201", description = "The calendar, added")
    @ApiResponse(responseCode = "409", description = "The name is already taken.")
    @PostMapping("/sla/calendars")
    ResponseEntity<SlaCalendarView> createCalendar(@RequestBody CalendarDefinition definition) {
        SlaCalendarView created = sla.createCalendar(definition).orRefuse();
        return ResponseEntity.created(URI.create("/api/v1/sla/calendars/" + created.id()))
                .body(created);
    }

    @Operation(
            operationId = "changeSlaCalendar",
            summary = "Replace a business-hour calendar",
            description = "Admins. The open clocks on it are measured anew.")
    @ApiResponse(responseCode = "200", description = "The calendar, replaced")
    @ApiResponse(responseCode = "409", description = "The name is already taken.")
    @PutMapping("/sla/calendars/{id}")
    SlaCalendarView changeCalendar(@PathVariable SlaCalendarId id, @RequestBody CalendarDefinition definition) {
        return sla.changeCalendar(id, definition).orRefuse();
    }

    @Operation(operationId = "removeSlaCalendar", summary = "Remove a business-hour calendar", description = "Admins.")
    @ApiResponse(responseCode = "200", description = "The calendar, removed")
    @ApiResponse(responseCode = "409", description = "An SLA policy counts on this calendar.")
    @DeleteMapping("/sla/calendars/{id}")
    SlaCalendarView removeCalendar(@PathVariable SlaCalendarId id) {
        return sla.removeCalendar(id).orRefuse();
    }

    @Operation(operationId = "listSlaPolicies", summary = "List the SLA policies", description = "One per priority.")
    @GetMapping("/sla/policies")
    List<SlaPolicyView> policies() {
        return sla.policies().orRefuse();
    }

    @Operation(
            operationId = "getSlaPolicy",
            summary = "Read the SLA policy of a priority",
            description = "By the priority, such as P1.")
    @GetMapping("/sla/policies/{priority}")
    SlaPolicyView policy(@PathVariable String priority) {
        return sla.policy(priority).orRefuse();
    }

    @Operation(
            operationId = "setSlaPolicy",
            summary = "Set the SLA policy of a priority",
            description = "Admins. The open clocks of that priority follow at once.")
    @PutMapping("/sla/policies/{priority}")
    SlaPolicyView setPolicy(@PathVariable String priority, @RequestBody SlaPolicyDefinition definition) {
        return sla.setPolicy(priority, definition).orRefuse();
    }

    @Operation(
            operationId = "removeSlaPolicy",
            summary = "Remove the SLA policy of a priority",
            description = "Admins.")
    @DeleteMapping("/sla/policies/{priority}")
    SlaPolicyView removePolicy(@PathVariable String priority) {
        return sla.removePolicy(priority).orRefuse();
    }

    @Operation(operationId = "listEscalationLevels", summary = "List the escalation levels")
    @GetMapping("/sla/escalation-levels")
    List<EscalationLevelView> escalationLevels() {
        return sla.escalationLevels().orRefuse();
    }

    @Operation(operationId = "createEscalationLevel", summary = "Add an escalation level", description = "Admins.")
    @ApiResponse(responseCode = "201", description = "The escalation level, added")
    @ApiResponse(responseCode = "409", description = "The name is already taken.")
    @PostMapping("/sla/escalation-levels")
    ResponseEntity<EscalationLevelView> createEscalationLevel(@RequestBody EscalationLevelDefinition definition) {
        EscalationLevelView created = sla.createEscalationLevel(definition).orRefuse();
        return ResponseEntity.created(URI.create("/api/v1/sla/escalation-levels/" + created.id()))
                .body(created);
    }

    @Operation(
            operationId = "changeEscalationLevel",
            summary = "Change an escalation level",
            description = "Admins. A cycle of levels is refused naming the levels.")
    @ApiResponse(responseCode = "200", description = "The escalation level, changed")
    @ApiResponse(responseCode = "409", description = "The name is already taken.")
    @PutMapping("/sla/escalation-levels/{id}")
    EscalationLevelView changeEscalationLevel(
            @PathVariable EscalationLevelId id, @RequestBody EscalationLevelDefinition definition) {
        return sla.changeEscalationLevel(id, definition).orRefuse();
    }

    @Operation(operationId = "removeEscalationLevel", summary = "Remove an escalation level", description = "Admins.")
    @ApiResponse(responseCode = "200", description = "The escalation level, removed")
    @ApiResponse(responseCode = "409", description = "An SLA policy or another escalation level leads to this level.")
    @DeleteMapping("/sla/escalation-levels/{id}")
    EscalationLevelView removeEscalationLevel(@PathVariable EscalationLevelId id) {
        return sla.removeEscalationLevel(id).orRefuse();
    }

    @Operation(
            operationId = "getSlaClocks",
            summary = "Read the SLA clocks of an incident",
            description = "Due times, time used and left, warnings and breaches.")
    @GetMapping("/incidents/{id}/sla")
    List<SlaClockView> clocks(@PathVariable IncidentId id) {
        return sla.clocks(id).orRefuse();
    }

    @Operation(
            operationId = "acknowledgeSlaBreaches",
            summary = "Acknowledge the SLA breaches of an incident",
            description = "This stops their escalation.")
    @ApiResponse(responseCode = "200", description = "The incident's clocks")
    @ApiResponse(responseCode = "409", description = "The incident has no breach waiting for an acknowledgement.")
    @PostMapping("/incidents/{id}/sla/acknowledge")
    List<SlaClockView> acknowledge(@PathVariable IncidentId id) {
        return sla.acknowledgeBreaches(id).orRefuse();
    }

    @Operation(
            operationId = "runSlaScan",
            summary = "Scan for due SLA warnings, breaches and escalations now",
            description = "Admins.")
    @PostMapping("/sla/scan")
    SlaScanReport scan() {
        return sla.scanNow().orRefuse();
    }
}
