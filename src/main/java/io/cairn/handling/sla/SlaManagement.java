package io.cairn.handling.sla;

import io.cairn.incidents.IncidentId;
import io.cairn.shared.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The entry point of SLAs: business-hour calendars, SLA policies per priority, escalation levels (admins), the clocks
 * of an incident and acknowledging its breaches (handlers and coordinators), and scanning for what is due. It checks
 * the rights ({@link SlaAccess}) and hands each request to the service of its use case: {@link CalendarEditing},
 * {@link PolicyEditing}, {@link EscalationLevelEditing}, {@link IncidentClocks} and {@link SlaScanner}.
 *
 * <p>Reporters see none of it. Every change publishes an event that the audit trail records in the same transaction.
 * Public for the tests of other modules that set a policy or run a scan.
 */
@Service
public class SlaManagement {

    private final SlaAccess access;
    private final CalendarEditing calendars;
    private final PolicyEditing policies;
    private final EscalationLevelEditing levels;
    private final IncidentClocks clocks;
    private final SlaScanner scanner;
    private final Clock clock;

    SlaManagement(
            SlaAccess access,
            CalendarEditing calendars,
            PolicyEditing policies,
            EscalationLevelEditing levels,
            IncidentClocks clocks,
            SlaScanner scanner,
            Clock clock) {
        this.access = access;
        this.calendars = calendars;
        this.policies = policies;
        this.levels = levels;
        this.clocks = clocks;
        this.scanner = scanner;
        this.clock = clock;
    }

    // --- calendars -----------------------------------------------------------------------------------------------

    /**
     * The stored business-hour calendars by name (staff who may read SLAs); the shipped one is named in the reader's
     * language while nobody renamed it.
     */
    @Transactional(readOnly = true)
    Outcome<List<SlaCalendarView>> calendars() {
        return access.requireReader().map(actor -> calendars.all());
    }

    @Transactional(readOnly = true)
    Outcome<SlaCalendarView> calendar(SlaCalendarId id) {
        return access.requireReader().flatMap(actor -> calendars.calendar(id));
    }

    /** Stores a new calendar (admin); overlapping hours are refused naming the day. */
    @Transactional
    Outcome<SlaCalendarView> createCalendar(CalendarDefinition definition) {
        return access.requireAdmin("change calendars").flatMap(actor -> calendars.create(actor, definition));
    }

    /**
     * Replaces a calendar (admin). The open clocks that count on it are measured anew at once: the working time they
     * used stays as it was counted, and what is left counts on the new hours.
     */
    @Transactional
    Outcome<SlaCalendarView> changeCalendar(SlaCalendarId id, CalendarDefinition submitted) {
        CalendarDefinition definition = calendars.asStored(id, submitted);
        return access.requireAdmin("change calendars").flatMap(actor -> calendars.change(actor, id, definition));
    }

    /** Removes a calendar that no policy counts on (admin). */
    @Transactional
    Outcome<SlaCalendarView> removeCalendar(SlaCalendarId id) {
        return access.requireAdmin("change calendars").flatMap(actor -> calendars.remove(actor, id));
    }

    // --- policies ------------------------------------------------------------------------------------------------

    /** The SLA policies in priority order (staff who may read SLAs). */
    @Transactional(readOnly = true)
    Outcome<List<SlaPolicyView>> policies() {
        return access.requireReader().map(actor -> policies.all());
    }

    /** The policy of one priority, named by its label such as {@code P1}. */
    @Transactional(readOnly = true)
    Outcome<SlaPolicyView> policy(String priority) {
        return access.requireReader().flatMap(actor -> policies.policy(priority));
    }

    /**
     * Sets the policy of a priority (admin). Open clocks of that priority are measured against it at once: the
     * working time they used is kept and their due instants are computed anew.
     */
    @Transactional
    Outcome<SlaPolicyView> setPolicy(String priority, SlaPolicyDefinition definition) {
        return access.requireAdmin("change SLA policies").flatMap(actor -> policies.set(actor, priority, definition));
    }

    /** Removes the policy of a priority (admin): new incidents of that priority get no clocks. */
    @Transactional
    Outcome<SlaPolicyView> removePolicy(String priority) {
        return access.requireAdmin("change SLA policies").flatMap(actor -> policies.remove(actor, priority));
    }

    // --- escalation levels ---------------------------------------------------------------------------------------

    /** The escalation levels by name (staff who may read SLAs). */
    @Transactional(readOnly = true)
    Outcome<List<EscalationLevelView>> escalationLevels() {
        return access.requireReader().map(actor -> levels.all());
    }

    /** Adds an escalation level (admin). */
    @Transactional
    Outcome<EscalationLevelView> createEscalationLevel(EscalationLevelDefinition definition) {
        return access.requireAdmin("change escalation levels").flatMap(actor -> levels.create(actor, definition));
    }

    /** Changes an escalation level (admin); a change that would close a cycle of levels is refused. */
    @Transactional
    Outcome<EscalationLevelView> changeEscalationLevel(EscalationLevelId id, EscalationLevelDefinition definition) {
        return access.requireAdmin("change escalation levels").flatMap(actor -> levels.change(actor, id, definition));
    }

    /** Removes an escalation level that no policy and no other level leads to (admin). */
    @Transactional
    Outcome<EscalationLevelView> removeEscalationLevel(EscalationLevelId id) {
        return access.requireAdmin("change escalation levels").flatMap(actor -> levels.remove(actor, id));
    }

    // --- clocks --------------------------------------------------------------------------------------------------

    /**
     * The SLA clocks of an incident the signed-in user may see, response first; reporters are refused. Empty when
     * no policy covers the incident's priority.
     */
    @Transactional
    Outcome<List<SlaClockView>> clocks(IncidentId id) {
        return access.requireClockReader().flatMap(actor -> clocks.of(id));
    }

    /**
     * Acknowledges the unacknowledged breaches of an incident: their escalation stops. For the owner, coordinators
     * and anyone a breach or escalation notified.
     */
    @Transactional
    Outcome<List<SlaClockView>> acknowledgeBreaches(IncidentId id) {
        return access.requireClockReader().flatMap(actor -> clocks.acknowledgeBreaches(actor, id));
    }

    // --- scanning ------------------------------------------------------------------------------------------------

    /**
     * Handles every warning, breach and escalation due at {@code now}, as the scheduled scanner does; for schedulers
     * and tests, which pass the moment they want.
     */
    public SlaScanReport scan(Instant now) {
        return scanner.scan(now);
    }

    /** Runs one scan now (admin), and says what it handled and how long it took. */
    Outcome<SlaScanReport> scanNow() {
        return access.requireAdmin("run the SLA scan").map(actor -> scanner.scan(clock.instant()));
    }
}
