package io.cairn.federation;

import io.cairn.assets.AssetManagement;
import io.cairn.assets.ServiceSummary;
import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentView;
import io.cairn.intake.providers.ProviderIntake;
import io.cairn.shared.Tlp;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What relaying a received incident rests on, in the caller's transaction: the incident's source (what the provider
 * sent), whether and how it is relayed ({@code federation_relay}), the incident part a relayed copy carries, and the
 * upstream part of its provenance entry. A relayed copy carries the provider's facts (category, status,
 * determination, severity, times, indicators the marking lets go, personal data, extensions), this instance's marking
 * and title, the words this instance chose, and as affected services this instance's services that run on the
 * provider's affected ones; never the provider's name, URL, ids or references.
 */
@Component
class Relays {

    private final ReceivedMessages received;
    private final PeerRegistry peers;
    private final AssetManagement assets;
    private final JdbcClient jdbc;
    private final ProviderIntake intake;

    Relays(
            ReceivedMessages received,
            PeerRegistry peers,
            AssetManagement assets,
            JdbcClient jdbc,
            ProviderIntake intake) {
        this.received = received;
        this.peers = peers;
        this.assets = assets;
        this.jdbc = jdbc;
        this.intake = intake;
    }

    /** The source of an incident received from a provider; empty for an incident reported here. */
    Optional<RelaySource> of(IncidentId incident) {
        return received.ofIncident(incident).map(r -> {
            Optional<PeerView> peer = peers.byId(r.peer());
            return new RelaySource(
                    r,
                    PublicationMessages.read(r.snapshot()),
                    received.receiptOf(r.peer(), r.exchangeId(), r.version()).orElse(null),
                    peer.map(PeerView::name).orElse(r.providerName()),
                    peer.map(PeerView::baseUrl).orElse(null));
        });
    }

    /** Whether the incident's publication is a relay, and whether its words still follow the provider's. */
    Optional<Boolean> wordsFollow(IncidentId incident) {
        return jdbc.sql("select words_follow from federation_relay where incident_id = ?")
                .param(incident.value())
                .query(Boolean.class)
                .optional();
    }

    /**
     * Records that the incident's publication is a relay, the words following the provider's or not, and marks the
     * incident as relayed.
     */
    void relayed(IncidentId incident, boolean wordsFollow, Instant now) {
        intake.relayed(incident);
        jdbc.sql("""
                insert into federation_relay (incident_id, words_follow, relayed_at) values (?, ?, ?)
                on conflict (incident_id) do update set words_follow = excluded.words_follow""").params(incident.value(), wordsFollow, Timestamp.from(now)).update();
    }

    /** The words a relay proposes: the provider's summary, actions and personal-data facts, the hop budget left. */
    static PublicationWords defaults(IncidentView view, RelaySource source) {
        ExchangeMessage.Incident s = source.snapshot();
        String summary = s.summary().length() <= PublicationWords.MAX_SUMMARY
                ? s.summary()
                : s.summary().substring(0, PublicationWords.MAX_SUMMARY - 1) + "\u2026";
        return new PublicationWords(
                summary, s.recommendedActions(), s.personalData(), view.pap(), source.hopBudgetLeft());
    }

    /** This instance's services that run on the provider's services the incident affects. */
    List<ServiceSummary> services(IncidentView view, RelaySource source) {
        Map<UUID, ServiceSummary> ours = new LinkedHashMap<>();
        view.affectedServices().forEach(service -> ours.put(service.id().value(), service));
        for (ExchangeMessage.AffectedService theirs : source.snapshot().affectedServices()) {
            assets.servicesRunningOn(source.received().peer().value(), theirs.id())
                    .forEach(service -> ours.putIfAbsent(service.id().value(), service));
        }
        return List.copyOf(ours.values());
    }

    /** What makes the incident part of a relayed copy under these words. */
    PublicationMessages.Carrier carrier(IncidentView view, RelaySource source) {
        List<ServiceSummary> services = services(view, source);
        return (words, exchangeId, version) -> carried(view, source, services, words, exchangeId, version);
    }

    private static ExchangeMessage.Incident carried(
            IncidentView view,
            RelaySource source,
            List<ServiceSummary> services,
            PublicationWords words,
            UUID exchangeId,
            long version) {
        ExchangeMessage.Incident s = source.snapshot();
        return new ExchangeMessage.Incident(
                exchangeId,
                version,
                view.title(),
                words.summary(),
                s.category(),
                s.status(),
                s.determination(),
                s.severity(),
                s.occurredAt(),
                s.detectedAt(),
                s.updatedAt(),
                services.stream()
                        .map(service ->
                                new ExchangeMessage.AffectedService(service.id().value(), service.name()))
                        .toList(),
                words.recommendedActions(),
                s.indicators().stream()
                        .filter(i -> Tlp.fromLabel(i.tlp()).compareTo(view.tlp()) <= 0)
                        .toList(),
                s.personalData(),
                view.tlp().label(),
                words.pap().label(),
                Math.min(words.hopBudget(), source.hopBudgetLeft()),
                PublicationMessages.UNSEALED,
                s.extensions());
    }

    /** The texts of a relayed copy that could name the provider, each with its field. */
    static List<RelaySource.Text> texts(ExchangeMessage.Incident carried) {
        List<RelaySource.Text> texts = new ArrayList<>();
        texts.add(new RelaySource.Text("title", carried.title()));
        texts.add(new RelaySource.Text("summary", carried.summary()));
        for (int i = 0; i < carried.recommendedActions().size(); i++) {
            texts.add(new RelaySource.Text(
                    "recommendedActions[" + i + "]",
                    carried.recommendedActions().get(i)));
        }
        for (int i = 0; i < carried.indicators().size(); i++) {
            texts.add(new RelaySource.Text(
                    "indicators[" + i + "]", carried.indicators().get(i).value()));
        }
        ExchangeMessage.PersonalData data = carried.personalData();
        if (data != null) {
            texts.add(new RelaySource.Text(
                    "personalData",
                    String.join("\n", data.dataCategories()) + "\n" + data.likelyConsequences() + "\n"
                            + data.measuresTaken()));
        }
        texts.add(new RelaySource.Text("extensions", ExchangeJson.MAPPER.writeValueAsString(carried.extensions())));
        return texts;
    }

    /**
     * The upstream part of a relayed copy's provenance entry: the provider's URL, its exchange id and version, the
     * SHA-256 of the message applied and when it came, and the provider's own entry's commitment.
     */
    static Map<String, Object> upstream(RelaySource source) {
        Map<String, Object> upstream = new LinkedHashMap<>();
        upstream.put("publisher", source.providerUrl());
        upstream.put("exchangeId", source.received().exchangeId().toString());
        ReceivedMessages.Receipt receipt = source.receipt();
        upstream.put("version", receipt == null ? source.received().version() : receipt.version());
        upstream.put("messageSha256", receipt == null ? null : receipt.sha256());
        upstream.put(
                "receivedAt", (receipt == null ? source.received().receivedAt() : receipt.receivedAt()).toString());
        upstream.put("commitment", source.snapshot().provenance().commitment());
        return upstream;
    }
}
