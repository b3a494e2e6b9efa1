package io.cairn.intake;

import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentManagement;
import io.cairn.incidents.IncidentView;
import io.cairn.incidents.NewIncident;
import io.cairn.incidents.ObservableSource;
import io.cairn.incidents.ObservedValue;
import io.cairn.incidents.channels.ProviderChannel;
import io.cairn.incidents.channels.ReporterChannels;
import io.cairn.intake.providers.ProviderIntake;
import io.cairn.shared.ActorRef;
import io.cairn.shared.Outcome;
import io.cairn.shared.Pap;
import io.cairn.shared.Refusal;
import io.cairn.shared.Tlp;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes in what provider peers publish (see {@link ProviderIntake}): a report as an alert's is made, its impact and
 * urgency from the provider's severity, without a reporter; indicators checked one by one, so that one invalid value
 * never refuses the rest. Runs in the caller's transaction, which stores the received message with what it did.
 */
@Service
class ProviderReception implements ProviderIntake {

    private final IncidentManagement incidents;
    private final ProviderChannel providers;
    private final ReporterChannels channels;

    ProviderReception(IncidentManagement incidents, ProviderChannel providers, ReporterChannels channels) {
        this.incidents = incidents;
        this.providers = providers;
        this.channels = channels;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Outcome<IncidentView> open(String provider, ActorRef channel, ProviderReport report) {
        SeverityLevels levels = SeverityLevels.of(incidents.priorityMatrix(), report.severity());
        NewIncident incident = new NewIncident(
                report.title(),
                report.description().isBlank() ? report.title() : report.description(),
                report.category(),
                report.determination(),
                report.severity(),
                levels.impact(),
                levels.urgency(),
                report.tlp(),
                report.pap(),
                null,
                null,
                null,
                report.businessUnit(),
                report.occurredAt(),
                report.detectedAt(),
                null,
                null,
                null,
                null);
        return providers.reportReceived(provider, channel, incident);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Observed observe(IncidentId incident, ActorRef channel, List<Indicator> indicators) {
        List<ObservedValue> valid = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (Indicator indicator : indicators) {
            Outcome<String> value = incidents.observableValue(indicator.type(), indicator.value());
            if (value instanceof Outcome.Refused<String> refused) {
                invalid.add(indicator.type() + " " + indicator.value() + ": " + why(refused.refusal()));
            } else {
                valid.add(new ObservedValue(indicator.type(), indicator.value(), indicator.ioc(), indicator.tlp()));
            }
        }
        int added = valid.isEmpty() ? 0 : channels.addObserved(incident, channel, ObservableSource.PROVIDER, valid);
        return new Observed(added, invalid);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void note(IncidentId incident, ActorRef channel, String text) {
        channels.addChannelNote(incident, channel, text);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void remark(IncidentId incident, ActorRef channel, Tlp tlp, Pap pap, String reason) {
        providers.remarkAsProvider(incident, channel, tlp, pap, reason);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void relayed(IncidentId incident) {
        providers.markRelayed(incident, java.time.Instant.now());
    }

    private static String why(Refusal refusal) {
        return refusal.fields().isEmpty()
                ? refusal.message()
                : refusal.fields().stream().map(Refusal.FieldProblem::message).collect(Collectors.joining("; "));
    }
}
