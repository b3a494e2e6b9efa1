package io.cairn.compliance;

import io.cairn.identity.UserId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A legal entity's checked regulatory profile, as it is stored. */
record LegalEntityProfile(
        String name,
        List<String> jurisdictions,
        Nis2Status nis2,
        boolean doraFinancialEntity,
        GdprRole gdprRole,
        String supervisoryAuthorityName,
        String supervisoryAuthorityContact,
        @Nullable UserId privacyOfficer,
        @Nullable Long annualTurnoverEur,
        boolean secRegistrant,
        boolean hipaaCoveredEntity) {

    LegalEntityProfile {
        jurisdictions = List.copyOf(jurisdictions);
    }

    /** The profile as the audit trail digests it. */
    String snapshot() {
        return "legalEntity{name=" + name + ",jurisdictions=" + jurisdictions + ",nis2=" + nis2.code()
                + ",dora=" + doraFinancialEntity + ",gdpr=" + gdprRole.code() + ",authority=" + supervisoryAuthorityName
                + ",contact=" + supervisoryAuthorityContact + ",privacyOfficer=" + privacyOfficer + ",turnover="
                + annualTurnoverEur + ",sec=" + secRegistrant + ",hipaa=" + hipaaCoveredEntity + "}";
    }
}
