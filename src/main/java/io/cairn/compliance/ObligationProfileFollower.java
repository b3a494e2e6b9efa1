package io.cairn.compliance;

import io.cairn.identity.IdentityChanged;
import io.cairn.incidents.IncidentId;
import io.cairn.shared.ActorRef;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Follows the changes of legal entities and business units, in the same transaction: a changed regulatory profile, a
 * new legal entity (an incident without a business unit then no longer falls to the organisation's only one), or a
 * business unit moved to another legal entity, derives anew the obligations of every incident with regime facts or
 * decisions. Obligations keep the regime version they started under; those whose regime no longer applies close.
 */
@Component
class ObligationProfileFollower {

    private final JdbcClient jdbc;
    private final ObligationKeeper keeper;

    ObligationProfileFollower(JdbcClient jdbc, ObligationKeeper keeper) {
        this.jdbc = jdbc;
        this.keeper = keeper;
    }

    @EventListener
    void on(LegalEntityChanged changed) {
        keepAll(changed.actor());
    }

    @EventListener
    void on(IdentityChanged changed) {
        if (changed.change() == IdentityChanged.Change.BUSINESS_UNIT_CHANGED) {
            keepAll(changed.actor());
        }
    }

    private void keepAll(ActorRef actor) {
        jdbc.sql("select incident_id from compliance_fact union select incident_id from compliance_decision")
                .query(UUID.class)
                .list()
                .forEach(incident -> keeper.keep(new IncidentId(incident), actor));
    }
}
