package io.cairn.risks;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored links of risks to incidents and to assets, each asset by its kind ({@code device}, {@code service}). */
@Repository
class RiskLinks {

    private final JdbcClient jdbc;

    RiskLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A linked asset: its kind and id. */
    record AssetRef(String kind, UUID id) {}

    /** The incidents linked to a risk, in the order they were linked. */
    List<UUID> incidentsOf(RiskId risk) {
        return jdbc.sql("select incident_id from risk_incident where risk_id = :risk order by linked_at, incident_id")
                .param("risk", risk.value())
                .query(UUID.class)
                .list();
    }

    /** The risks an incident is linked to, in the order they were linked. */
    List<RiskId> risksOf(UUID incident) {
        return jdbc.sql("select risk_id from risk_incident where incident_id = :incident order by linked_at, risk_id")
                .param("incident", incident)
                .query((rs, row) -> new RiskId(rs.getObject("risk_id", UUID.class)))
                .list();
    }

    /** The assets linked to a risk, in the order they were linked. */
    List<AssetRef> assetsOf(RiskId risk) {
        return jdbc.sql("""
                        select asset_kind, asset_id from risk_asset where risk_id = :risk
                        order by linked_at, asset_kind, asset_id""")
                .param("risk", risk.value())
                .query((rs, row) -> new AssetRef(rs.getString("asset_kind"), rs.getObject("asset_id", UUID.class)))
                .list();
    }

    /** Links an incident to a risk; false when it was linked already. */
    boolean linkIncident(RiskId risk, UUID incident, Instant now) {
        return jdbc.sql("""
                        insert into risk_incident (risk_id, incident_id, linked_at) values (:risk, :incident, :now)
                        on conflict do nothing""")
                        .param("risk", risk.value())
                        .param("incident", incident)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** Unlinks an incident from a risk; false when it was not linked. */
    boolean unlinkIncident(RiskId risk, UUID incident) {
        return jdbc.sql("delete from risk_incident where risk_id = :risk and incident_id = :incident")
                        .param("risk", risk.value())
                        .param("incident", incident)
                        .update()
                == 1;
    }

    /** Links an asset to a risk; false when it was linked already. */
    boolean linkAsset(RiskId risk, AssetRef asset, Instant now) {
        return jdbc.sql("""
                        insert into risk_asset (risk_id, asset_kind, asset_id, linked_at)
                        values (:risk, :kind, :asset, :now) on conflict do nothing""")
                        .param("risk", risk.value())
                        .param("kind", asset.kind())
                        .param("asset", asset.id())
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** Unlinks an asset from a risk; false when it was not linked. */
    boolean unlinkAsset(RiskId risk, AssetRef asset) {
        return jdbc.sql("delete from risk_asset where risk_id = :risk and asset_kind = :kind and asset_id = :asset")
                        .param("risk", risk.value())
                        .param("kind", asset.kind())
                        .param("asset", asset.id())
                        .update()
                == 1;
    }
}
