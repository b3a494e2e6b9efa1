package io.cairn.compliance;

import io.cairn.identity.Actor;
import io.cairn.identity.LegalEntityId;
import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentView;
import io.cairn.incidents.system.IncidentsForSystem;
import io.cairn.shared.Language;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The open stages of obligations across incidents by due instant (overdue first, running clocks before the ones that
 * wait), read on the index of open stages by due instant: a page reads its rows, their incidents in one batch and
 * their obligations' regimes once each, leaving out the incidents the reader may not see.
 */
@Component
class DeadlineOverview {

    /**
     * What to list.
     *
     * @param state {@code open} (every open stage), {@code overdue}, {@code due-soon} or {@code not-yet-running}
     */
    record Filter(
            @Nullable LegalEntityId legalEntity, @Nullable String regime, String state, int limit, int offset) {}

    /** The states a filter may ask for. */
    static final List<String> STATES =
            List.of(StageStatus.OPEN, StageStatus.OVERDUE, StageStatus.DUE_SOON, StageStatus.NOT_YET_RUNNING);

    /** The most rows a page looks through for the ones the reader sees and that are in the state asked for. */
    private static final int MAX_SCANNED = 20_000;

    /** The most rows one read looks through when rows must be left out: twice a page, at least 100. */
    private static final int BATCH = 500;

    private record Row(UUID obligation, String stage, IncidentId incident) {}

    private final JdbcClient jdbc;
    private final IncidentsForSystem incidents;
    private final Obligations obligations;
    private final LegalEntities entities;
    private final Clock clock;

    DeadlineOverview(
            JdbcClient jdbc,
            IncidentsForSystem incidents,
            Obligations obligations,
            LegalEntities entities,
            Clock clock) {
        this.jdbc = jdbc;
        this.incidents = incidents;
        this.obligations = obligations;
        this.entities = entities;
        this.clock = clock;
    }

    /** The page of deadlines of the incidents the reader sees, by the incidents module's rule. */
    DeadlinePage page(Actor reader, Filter filter) {
        Instant now = clock.instant();
        boolean exact = incidents.seesEveryIncident(reader) && !filter.state().equals(StageStatus.DUE_SOON);
        List<DeadlineEntry> found = new ArrayList<>();
        int wanted = filter.offset() + filter.limit() + 1;
        int skip = exact ? filter.offset() : 0;
        int from = exact ? filter.offset() : 0;
        while (found.size() < wanted - skip && from < MAX_SCANNED + filter.offset()) {
            int batch = exact ? filter.limit() + 1 : Math.min(BATCH, Math.max(100, 2 * (filter.limit() + 1)));
            List<Row> rows = rows(filter, now, batch, from);
            found.addAll(entries(rows, reader, filter, now));
            if (rows.size() < batch || exact) {
                break;
            }
            from += batch;
        }
        List<DeadlineEntry> page = found.stream()
                .skip(exact ? 0 : filter.offset())
                .limit(filter.limit() + 1L)
                .toList();
        return new DeadlinePage(
                page.stream().limit(filter.limit()).toList(),
                filter.limit(),
                filter.offset(),
                page.size() > filter.limit());
    }

    private List<Row> rows(Filter filter, Instant now, int limit, int offset) {
        StringBuilder sql = new StringBuilder("select s.obligation_id, s.stage, o.incident_id "
                + "from compliance_obligation_stage s join compliance_obligation o on o.id = s.obligation_id "
                + "where s.required and s.submitted_at is null");
        List<Object> parameters = new ArrayList<>();
        if (filter.legalEntity() != null) {
            sql.append(" and o.legal_entity = ?");
            parameters.add(filter.legalEntity().value());
        }
        if (filter.regime() != null) {
            sql.append(" and o.regime = ?");
            parameters.add(filter.regime());
        }
        switch (filter.state()) {
            case StageStatus.OVERDUE -> {
                sql.append(" and s.due_at < ?");
                parameters.add(Timestamp.from(now));
            }
            case StageStatus.DUE_SOON -> {
                sql.append(" and s.due_at >= ?");
                parameters.add(Timestamp.from(now));
            }
            case StageStatus.NOT_YET_RUNNING -> sql.append(" and s.due_at is null");
            default -> {}
        }
        sql.append(" order by s.due_at asc nulls last, s.obligation_id, s.stage limit ? offset ?");
        parameters.add(limit);
        parameters.add(offset);
        return jdbc.sql(sql.toString())
                .params(parameters)
                .query((row, n) -> new Row(
                        row.getObject("obligation_id", UUID.class),
                        row.getString("stage"),
                        new IncidentId(row.getObject("incident_id", UUID.class))))
                .list();
    }

    private List<DeadlineEntry> entries(List<Row> rows, Actor reader, Filter filter, Instant now) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<IncidentId, IncidentView> seen = incidents.incidentsSeenBy(
                reader, rows.stream().map(Row::incident).distinct().toList());
        Map<UUID, Obligations.Stored> stored =
                obligations.all(rows.stream().map(Row::obligation).distinct().toList()).stream()
                        .collect(Collectors.toMap(Obligations.Stored::id, found -> found));
        Map<LegalEntityId, String> names = entities.all().stream()
                .collect(Collectors.toMap(
                        LegalEntities.Stored::id, entity -> entity.profile().name()));
        List<DeadlineEntry> entries = new ArrayList<>();
        for (Row row : rows) {
            IncidentView incident = seen.get(row.incident());
            if (incident == null) {
                continue;
            }
            Optional.ofNullable(stored.get(row.obligation()))
                    .flatMap(obligation -> entry(row, obligation, incident, names, now))
                    .filter(entry -> !filter.state().equals(StageStatus.DUE_SOON)
                            || entry.status().equals(StageStatus.DUE_SOON))
                    .ifPresent(entries::add);
        }
        return entries;
    }

    private static Optional<DeadlineEntry> entry(
            Row row,
            Obligations.Stored obligation,
            IncidentView incident,
            Map<LegalEntityId, String> names,
            Instant now) {
        Regime rules = obligation.rules();
        Optional<Regime.Stage> stage = rules.stage(row.stage());
        StageState state = obligation.stages().get(row.stage());
        if (stage.isEmpty() || state == null) {
            return Optional.empty();
        }
        Language language = Language.current();
        List<Instant> warnings = StageStatus.warnings(state, stage.get());
        String recipient = stage.get().id().equals("supervisory-authority") && obligation.authority() != null
                ? obligation.authority()
                : stage.get().recipient().in(language);
        return Optional.of(new DeadlineEntry(
                incident.id(),
                incident.reference(),
                incident.title(),
                obligation.id(),
                rules.id().value(),
                rules.name().in(language),
                obligation.legalEntity(),
                names.getOrDefault(
                        obligation.legalEntity(), obligation.legalEntity().toString()),
                stage.get().id(),
                stage.get().name().in(language),
                recipient,
                StageStatus.of(state, stage.get(), now),
                state.dueAt(),
                state.internalTarget(),
                warnings.isEmpty() ? null : warnings.get(0)));
    }
}
