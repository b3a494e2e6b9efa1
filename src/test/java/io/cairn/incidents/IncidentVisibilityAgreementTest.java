package io.cairn.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ServerTest;
import io.cairn.identity.Actor;
import io.cairn.shared.ActorRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lists and reads decide visibility twice, in SQL ({@link IncidentAccess#visibleCondition}, for lists and search)
 * and in Java ({@link IncidentAccess#maySee}, for one incident): both agree on every case of
 * {@link IncidentAccessTest}, every set of roles and teams against every shape of incident, stored in PostgreSQL.
 * The incidents are stored in a transaction that is rolled back, so that no other test sees them.
 */
@ServerTest
class IncidentVisibilityAgreementTest {

    @Autowired
    Incidents incidents;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void theSqlConditionSelectsExactlyTheIncidentsMaySeeAllows() {
        List<Incident> stored = IncidentAccessTest.incidents();
        List<Actor> actors = IncidentAccessTest.actors();
        transactions.executeWithoutResult(transaction -> {
            for (Incident incident : stored) {
                incidents.insertNew(incident, TestIncidents.REPORTED_AT, ActorRef.SYSTEM, null);
            }
            UUID[] ids = stored.stream().map(incident -> incident.id().value()).toArray(UUID[]::new);
            for (Actor actor : actors) {
                List<Object> parameters = new ArrayList<>();
                parameters.add(ids);
                String condition = IncidentAccess.visibleCondition(actor, parameters);
                Set<UUID> bySql =
                        Set.copyOf(jdbc.sql("select i.id from incident i where i.id = any(?) and " + condition)
                                .params(parameters)
                                .query(UUID.class)
                                .list());
                for (Incident incident : stored) {
                    IncidentAccessTest.Case seen = new IncidentAccessTest.Case(actor, incident);
                    assertThat(bySql.contains(incident.id().value()))
                            .as(seen::description)
                            .isEqualTo(IncidentAccess.maySee(actor, incident));
                }
            }
            transaction.setRollbackOnly();
        });

        assertThat(actors.stream().map(Actor::roles).collect(Collectors.toSet()))
                .hasSize(128);
        assertThat(jdbc.sql("select count(*) from incident where id = ?")
                        .param(stored.get(0).id().value())
                        .query(Long.class)
                        .single())
                .as("rolled back")
                .isZero();
    }
}
