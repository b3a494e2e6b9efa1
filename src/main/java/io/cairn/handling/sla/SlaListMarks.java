package io.cairn.handling.sla;

import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentListMarks;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shows in the handlers' incident list where each incident stands against its SLA: the most pressing clock that is
 * not met yet, breached ones first, then the one due soonest; a paused incident says so.
 */
@Component
class SlaListMarks implements IncidentListMarks {

    private static final DateTimeFormatter DUE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final SlaClocks clocks;

    SlaListMarks(SlaClocks clocks) {
        this.clocks = clocks;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<IncidentId, Mark> marksOf(Collection<IncidentId> incidents) {
        Map<IncidentId, List<SlaClock>> open = clocks.ofIncidents(incidents).stream()
                .filter(clock -> clock.state() != SlaClock.State.MET)
                .collect(Collectors.groupingBy(SlaClock::incident));
        Map<IncidentId, Mark> marks = new LinkedHashMap<>();
        open.forEach((incident, its) ->
                its.stream().min(MOST_PRESSING).map(SlaListMarks::markOf).ifPresent(mark -> marks.put(incident, mark)));
        return marks;
    }

    private static final Comparator<SlaClock> MOST_PRESSING = Comparator.comparing(
                    (SlaClock clock) -> clock.breach().breachedAt() == null)
            .thenComparing(clock -> clock.state() == SlaClock.State.PAUSED)
            .thenComparing(SlaClock::dueAt, Comparator.nullsLast(Comparator.naturalOrder()));

    private static Mark markOf(SlaClock clock) {
        String kind = clock.kind().code();
        if (clock.breach().breachedAt() != null) {
            return new Mark("sla.list.breached." + kind, List.of(), "breached");
        }
        if (clock.state() == SlaClock.State.PAUSED || clock.dueAt() == null) {
            return new Mark("sla.list.paused", List.of(), "paused");
        }
        return new Mark(
                "sla.list.due." + kind,
                List.of(DUE.format(clock.dueAt())),
                clock.warnedAt() != null ? "warning" : "on-track");
    }
}
