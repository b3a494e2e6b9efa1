package io.cairn.incidents;

import io.cairn.identity.Actor;
import io.cairn.identity.UserId;
import io.cairn.shared.ActorRef;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import io.cairn.shared.WithoutAccessChecks;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reporting incidents: by the signed-in user, or through an intake channel for a person it identified or for
 * someone without an account. A report that passes {@link ReportChecks} is routed (the first {@link ReportRouting}
 * that has a route for it), stored with the first entry of its timeline, and published as {@link IncidentReported}.
 */
@Component
class Reporting {

    private final IncidentChanges changes;
    private final ReportChecks checks;
    private final Incidents incidents;
    private final ObjectProvider<ReportRouting> routings;
    private final ApplicationEventPublisher events;

    Reporting(
            IncidentChanges changes,
            ReportChecks checks,
            Incidents incidents,
            ObjectProvider<ReportRouting> routings,
            ApplicationEventPublisher events) {
        this.changes = changes;
        this.checks = checks;
        this.incidents = incidents;
        this.routings = routings;
        this.events = events;
    }

    /** Reports for the signed-in user; through a routing channel the team is the channel's choice. */
    @Transactional
    Outcome<IncidentView> report(NewIncident report, boolean routed) {
        Actor actor = changes.actor();
        if (!IncidentAccess.mayReport(actor)) {
            return Outcome.refused(mayNotReport());
        }
        return open(
                report.detectedByDefault(DetectionSource.INTERNAL_HUMAN, null),
                routed,
                IncidentAccess.mayAssign(actor),
                actor.id(),
                actor.ref());
    }

    /** Why {@link #report} would refuse this report of the signed-in user, checked without opening anything. */
    @Transactional(readOnly = true)
    Optional<Refusal> refusal(NewIncident report) {
        Actor actor = changes.actor();
        if (!IncidentAccess.mayReport(actor)) {
            return Optional.of(mayNotReport());
        }
        return checks.validate(report, false, IncidentAccess.mayAssign(actor))
                        instanceof Outcome.Refused<ValidReport> refused
                ? Optional.of(refused.refusal())
                : Optional.empty();
    }

    private static Refusal mayNotReport() {
        return Refusal.forbidden(SharedRefusals.NEEDS_ROLE, "reporter or handler", "report incidents");
    }

    /** Reports for a person without an account; only for intake's channels. */
    @Transactional
    @WithoutAccessChecks
    Outcome<IncidentView> reportAnonymously(NewIncident report) {
        return open(report, true, false, null, IncidentManagement.ANONYMOUS);
    }

    /** Reports for a known person who did not sign in; only for intake's channels that established who they are. */
    @Transactional
    @WithoutAccessChecks
    Outcome<IncidentView> reportFor(Actor reporter, NewIncident report) {
        if (!IncidentAccess.mayReport(reporter)) {
            return Outcome.refused(Refusal.forbidden(IncidentRefusals.MAY_NOT_REPORT, reporter.username()));
        }
        return open(
                report.detectedByDefault(DetectionSource.INTERNAL_HUMAN, null),
                true,
                false,
                reporter.id(),
                reporter.ref());
    }

    /**
     * Reports an incident a provider peer published, without a reporter; only for intake's provider channel, after
     * federation verified the provider.
     */
    @Transactional
    @WithoutAccessChecks
    Outcome<IncidentView> reportReceived(ActorRef channel, NewIncident report) {
        return open(report, true, false, null, channel);
    }

    private Outcome<IncidentView> open(
            NewIncident report, boolean routed, boolean mayAssign, @Nullable UserId reporter, ActorRef by) {
        Outcome<ValidReport> valid = checks.validate(report, routed, mayAssign);
        if (valid instanceof Outcome.Refused<ValidReport> refused) {
            return Outcome.refused(refused.refusal());
        }
        ValidReport checked = ((Outcome.Done<ValidReport>) valid).value();
        Optional<ReportRouting.Route> route = route(checked);
        ValidReport accepted = route.map(checked::routed).orElse(checked);
        Instant now = changes.now();
        Incident incident = Incident.report(IncidentId.random(), accepted, reporter, now);
        incidents.insertNew(
                incident, now, by, route.map(ReportRouting.Route::rule).orElse(null));
        events.publishEvent(new IncidentReported(
                incident.id(),
                by,
                now,
                accepted.priority(),
                accepted.category(),
                accepted.team(),
                accepted.businessUnit(),
                accepted.asset(),
                accepted.template(),
                IncidentChanges.digest(incident)));
        return Outcome.done(changes.view(incident));
    }

    /** The route of the first routing that has one, unless the report names another team. */
    private Optional<ReportRouting.Route> route(ValidReport checked) {
        return routings.orderedStream()
                .map(routing -> routing.route(new ReportRouting.Report(
                        checked.category(),
                        checked.team(),
                        checked.businessUnit(),
                        checked.asset(),
                        checked.template())))
                .flatMap(Optional::stream)
                .findFirst()
                .filter(chosen -> checked.team() == null || checked.team().equals(chosen.team()));
    }
}
