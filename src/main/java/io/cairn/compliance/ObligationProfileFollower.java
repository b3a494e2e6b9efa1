package io.cairn.compliance;

import io.cairn.identity.IdentityChanged;
import io.cairn.incidents.IncidentId;
import io.cairn.shared.ActorRef;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Follows the changes of legal entities and business units, in the same transaction: a changed regulatory profile, the
 * first or second legal entity (an incident without a business unit falls to the organisation's only one), or a
 * business unit moved to another legal entity, derives anew the obligations of every incident with regime facts or
 * decisions. Obligations keep the regime version they started under; those whose regime no longer applies close.
 */
@Component
class ObligationProfileFollower {

    private final JdbcClient jdbc;
    private final ObligationKeeper keeper;
    private final LegalEntities entities;

    ObligationProfileFollower(JdbcClient jdbc, ObligationKeeper keeper, LegalEntities entities) {
        this.jdbc = jdbc;
        this.keeper = keeper;
        this.entities = entities;
    }

    /**
     * A changed profile; or a new legal entity when it is the first or the second (an incident without a business
     * unit falls to the organisation's only legal entity, and to none once there are two).
     */
    @EventListener
    void on(LegalEntityChanged changed) {
        if (changed.verb() == LegalEntityChanged.Verb.CHANGED || entities.all().size() <= 2) {
            keepAll(changed.actor());
        }
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
