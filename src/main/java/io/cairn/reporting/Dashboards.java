package io.cairn.reporting;

import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.shared.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboards' contents, each a list of panels read from the one query layer: the coordinator's whole picture, a
 * team lead's queue and SLA, and the management summary's key figures. A request the metrics refuse (a bad filter, a
 * reader who may not) is refused here the same way.
 */
@Component
class Dashboards {

    /** A panel of a dashboard: the metric it shows, and the parameters it adds to the page's filter. */
    private record PanelSpec(String metric, Map<String, String> parameters) {

        PanelSpec(String metric) {
            this(metric, Map.of());
        }
    }

    private static final List<PanelSpec> COORDINATOR = List.of(
            new PanelSpec("volume"),
            new PanelSpec("durations"),
            new PanelSpec("detection"),
            new PanelSpec("seriousness"),
            new PanelSpec("impact"),
            new PanelSpec("costs"),
            new PanelSpec("sla", Map.of("by", "priority")),
            new PanelSpec("backlog-age"),
            new PanelSpec("overdue"),
            new PanelSpec("regulatory"),
            new PanelSpec("recurrence"));

    /** The management summary's panels: those its key figures read, and the volume it shows; no more. */
    private static final List<PanelSpec> MANAGEMENT = COORDINATOR.stream()
            .filter(panel -> !List.of("costs", "backlog-age").contains(panel.metric()))
            .toList();

    private static final List<PanelSpec> TEAM = List.of(
            new PanelSpec("volume"),
            new PanelSpec("sla", Map.of("by", "priority")),
            new PanelSpec("backlog-age"),
            new PanelSpec("oldest-open"),
            new PanelSpec("sla-breaches", Map.of("limit", "20")));

    private final ReportingManagement reporting;
    private final IdentityManagement identity;
    private final RegulatoryNames regulatoryNames;
    private final MessageSource messages;

    Dashboards(
            ReportingManagement reporting,
            IdentityManagement identity,
            RegulatoryNames regulatoryNames,
            MessageSource messages) {
        this.reporting = reporting;
        this.identity = identity;
        this.regulatoryNames = regulatoryNames;
        this.messages = messages;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Outcome<List<Panel>> coordinator(Map<String, String> filter, Locale locale) {
        return panels(COORDINATOR, filter, locale);
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Outcome<List<Panel>> team(Map<String, String> filter, Locale locale) {
        return panels(TEAM, filter, locale);
    }

    /** Whether the signed-in user may read the glossary: those who read any dashboard. */
    @Transactional
    Outcome<Actor> readable() {
        return identity.requireAnyRole(
                "read the metrics glossary", Role.COORDINATOR, Role.ADMIN, Role.AUDITOR, Role.HANDLER);
    }

    /** The management summary: its key figures first, then the volume per period. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Outcome<Summary> management(Map<String, String> filter, Locale locale) {
        return panels(MANAGEMENT, filter, locale).map(panels -> Summary.of(panels, new Figures(messages, locale)));
    }

    private Outcome<List<Panel>> panels(List<PanelSpec> specs, Map<String, String> filter, Locale locale) {
        Figures figures = new Figures(messages, locale);
        List<Panel> panels = new ArrayList<>();
        for (PanelSpec spec : specs) {
            Map<String, String> parameters = new LinkedHashMap<>(filter);
            parameters.putAll(spec.parameters());
            Outcome<MetricTable> table = reporting.metric(spec.metric(), parameters);
            if (table instanceof Outcome.Refused<MetricTable> refused) {
                return Outcome.refused(refused.refusal());
            }
            MetricTable computed = ((Outcome.Done<MetricTable>) table).value();
            panels.add(Panel.of(spec.metric(), computed, figures.naming(regulatoryNames.of(computed, locale))));
        }
        return Outcome.done(panels);
    }

    /** A key figure of the management summary: what it is, its value as the API gives it, and as people read it. */
    record KeyFigure(String key, String label, @Nullable Object value, String text) {}

    /** The management summary: key figures and the panels they were read from. */
    record Summary(List<KeyFigure> figures, List<Panel> panels) {

        Summary {
            figures = List.copyOf(figures);
            panels = List.copyOf(panels);
        }

        static Summary of(List<Panel> panels, Figures figures) {
            return new Summary(KeyFigures.of(panels, figures), panels);
        }

        public Panel panel(String key) {
            return panels.stream()
                    .filter(panel -> panel.key().equals(key))
                    .findFirst()
                    .orElseThrow();
        }
    }
}
