package io.cairn.handling;

import io.cairn.incidents.IncidentId;
import io.swagger.v3.oas.annotations.Operation;
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
class SlaApi {

    private final SlaManagement sla;

    SlaApi(SlaManagement sla) {
        this.sla = sla;
    }

    @Operation(summary = "List the business-hour calendars")
    @GetMapping("/sla/calendars")
    List<SlaCalendarView> calendars() {
        return sla.calendars().orRefuse();
    }

    @Operation(summary = "Read one business-hour calendar")
    @GetMapping("/sla/calendars/{id}")
    SlaCalendarView calendar(@PathVariable SlaCalendarId id) {
        return sla.calendar(id).orRefuse();
    }

    @Operation(summary = "Add a business-hour calendar (admin); overlapping hours are refused naming the day")
    @PostMapping("/sla/calendars")
    ResponseEntity<SlaCalendarView> createCalendar(@RequestBody CalendarDefinition definition) {
        SlaCalendarView created = sla.createCalendar(definition).orRefuse();
        return ResponseEntity.created(URI.create("/api/v1/sla/calendars/" + created.id())).body(created);
    }

    @Operation(summary = "Replace a business-hour calendar (admin)")
    @PutMapping("/sla/calendars/{id}")
    SlaCalendarView changeCalendar(@PathVariable SlaCalendarId id, @RequestBody CalendarDefinition definition) {
        return sla.changeCalendar(id, definition).orRefuse();
    }

    @Operation(summary = "Remove a business-hour calendar that no policy uses (admin)")
    @DeleteMapping("/sla/calendars/{id}")
    SlaCalendarView removeCalendar(@PathVariable SlaCalendarId id) {
        return sla.removeCalendar(id).orRefuse();
    }

    @Operation(summary = "List the SLA policies, one per priority")
    @GetMapping("/sla/policies")
    List<SlaPolicyView> policies() {
        return sla.policies().orRefuse();
    }

    @Operation(summary = "Read the SLA policy of a priority, such as P1")
    @GetMapping("/sla/policies/{priority}")
    SlaPolicyView policy(@PathVariable String priority) {
        return sla.policy(priority).orRefuse();
    }

    @Operation(summary = "Set the SLA policy of a priority (admin); open clocks of that priority follow at once")
    @PutMapping("/sla/policies/{priority}")
    SlaPolicyView setPolicy(@PathVariable String priority, @RequestBody SlaPolicyDefinition definition) {
        return sla.setPolicy(priority, definition).orRefuse();
    }

    @Operation(summary = "Remove the SLA policy of a priority (admin)")
    @DeleteMapping("/sla/policies/{priority}")
    SlaPolicyView removePolicy(@PathVariable String priority) {
        return sla.removePolicy(priority).orRefuse();
    }

    @Operation(summary = "List the escalation levels")
    @GetMapping("/sla/escalation-levels")
    List<EscalationLevelView> escalationLevels() {
        return sla.escalationLevels().orRefuse();
    }

    @Operation(summary = "Add an escalation level (admin)")
    @PostMapping("/sla/escalation-levels")
    ResponseEntity<EscalationLevelView> createEscalationLevel(@RequestBody EscalationLevelDefinition definition) {
        EscalationLevelView created = sla.createEscalationLevel(definition).orRefuse();
        return ResponseEntity.created(URI.create("/api/v1/sla/escalation-levels/" + created.id())).body(created);
    }

    @Operation(summary = "Change an escalation level (admin); a cycle of levels is refused naming the levels")
    @PutMapping("/sla/escalation-levels/{id}")
    EscalationLevelView changeEscalationLevel(@PathVariable EscalationLevelId id,
            @RequestBody EscalationLevelDefinition definition) {
        return sla.changeEscalationLevel(id, definition).orRefuse();
    }

    @Operation(summary = "Remove an escalation level that nothing leads to (admin)")
    @DeleteMapping("/sla/escalation-levels/{id}")
    EscalationLevelView removeEscalationLevel(@PathVariable EscalationLevelId id) {
        return sla.removeEscalationLevel(id).orRefuse();
    }

    @Operation(summary = "Read the SLA clocks of an incident: due times, what is used and left, warnings, breaches")
    @GetMapping("/incidents/{id}/sla")
    List<SlaClockView> clocks(@PathVariable IncidentId id) {
        return sla.clocks(id).orRefuse();
    }

    @Operation(summary = "Acknowledge the SLA breaches of an incident, which stops their escalation")
    @PostMapping("/incidents/{id}/sla/acknowledge")
    List<SlaClockView> acknowledge(@PathVariable IncidentId id) {
        return sla.acknowledgeBreaches(id).orRefuse();
    }

    @Operation(summary = "Run one scan for due SLA warnings, breaches and escalations now (admin)")
    @PostMapping("/sla/scan")
    SlaScanReport scan() {
        return sla.scanNow().orRefuse();
    }
}
