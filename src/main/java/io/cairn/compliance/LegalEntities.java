package io.cairn.compliance;

import io.cairn.identity.LegalEntityId;
import io.cairn.identity.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The stored legal entities and their profiles; a write names the version it replaces. */
@Component
class LegalEntities {

    /** A stored legal entity: its profile and version. */
    record Stored(LegalEntityId id, LegalEntityProfile profile, long version) {}

    private static final String SELECT = "select id, name, array_to_string(jurisdictions, ',') as jurisdictions, nis2, "
            + "dora_financial_entity, gdpr_role, supervisory_authority_name, supervisory_authority_contact, "
            + "privacy_officer, annual_turnover_eur, sec_registrant, hipaa_covered_entity, version from legal_entity";

    private final JdbcClient jdbc;

    LegalEntities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Stored> all() {
        return jdbc.sql(SELECT + " order by lower(name)")
                .query((row, n) -> stored(row))
                .list();
    }

    Optional<Stored> find(LegalEntityId id) {
        return jdbc.sql(SELECT + " where id = ?")
                .param(id.value())
                .query((row, n) -> stored(row))
                .optional();
    }

    /** Whether another legal entity than {@code except} has the name, in any case. */
    boolean nameTaken(String name, @Nullable LegalEntityId except) {
        return jdbc.sql("select exists (select 1 from legal_entity where lower(name) = lower(?) and id <> ?)")
                .params(name, except == null ? new UUID(0, 0) : except.value())
                .query(Boolean.class)
                .single();
    }

    void insert(LegalEntityId id, LegalEntityProfile profile, Instant now) {
        jdbc.sql("insert into legal_entity (id, name, jurisdictions, nis2, dora_financial_entity, gdpr_role, "
                        + "supervisory_authority_name, supervisory_authority_contact, privacy_officer, annual_turnover_eur, "
                        + "sec_registrant, hipaa_covered_entity, version, updated_at) "
                        + "values (?, ?, string_to_array(?, ','), ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)")
                .params(values(List.of(id.value()), profile, List.of(Timestamp.from(now))))
                .update();
    }

    /** Replaces the profile if it is still at the version; false when someone changed it first. */
    boolean replace(LegalEntityId id, LegalEntityProfile profile, long version, Instant now) {
        return jdbc.sql("update legal_entity set name = ?, jurisdictions = string_to_array(?, ','), nis2 = ?, "
                                + "dora_financial_entity = ?, gdpr_role = ?, supervisory_authority_name = ?, "
                                + "supervisory_authority_contact = ?, privacy_officer = ?, annual_turnover_eur = ?, "
                                + "sec_registrant = ?, hipaa_covered_entity = ?, version = version + 1, "
                                + "updated_at = ? where id = ? and version = ?")
                        .params(values(List.of(), profile, List.of(Timestamp.from(now), id.value(), version)))
                        .update()
                == 1;
    }

    private static Stored stored(ResultSet row) throws SQLException {
        UUID officer = row.getObject("privacy_officer", UUID.class);
        LegalEntityProfile profile = new LegalEntityProfile(
                row.getString("name"),
                Arrays.stream(row.getString("jurisdictions").split(",")).toList(),
                Nis2Status.of(row.getString("nis2")),
                row.getBoolean("dora_financial_entity"),
                GdprRole.of(row.getString("gdpr_role")),
                row.getString("supervisory_authority_name"),
                row.getString("supervisory_authority_contact"),
                officer == null ? null : new UserId(officer),
                row.getObject("annual_turnover_eur", Long.class),
                row.getBoolean("sec_registrant"),
                row.getBoolean("hipaa_covered_entity"));
        return new Stored(new LegalEntityId(row.getObject("id", UUID.class)), profile, row.getLong("version"));
    }

    /** The statement's parameters: those before, the profile's columns in their order, those after. */
    private static List<@Nullable Object> values(List<?> before, LegalEntityProfile profile, List<?> after) {
        List<@Nullable Object> values = new java.util.ArrayList<>(before);
        values.add(profile.name());
        values.add(String.join(",", profile.jurisdictions()));
        values.add(profile.nis2().code());
        values.add(profile.doraFinancialEntity());
        values.add(profile.gdprRole().code());
        values.add(profile.supervisoryAuthorityName());
        values.add(profile.supervisoryAuthorityContact());
        values.add(
                profile.privacyOfficer() == null
                        ? null
                        : profile.privacyOfficer().value());
        values.add(profile.annualTurnoverEur());
        values.add(profile.secRegistrant());
        values.add(profile.hipaaCoveredEntity());
        values.addAll(after);
        return values;
    }
}
