package io.cairn.compliance;

import io.cairn.identity.LegalEntityId;
import io.cairn.identity.UserId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A legal entity with its regulatory profile, as readers see it.
 *
 * @param jurisdictions ISO 3166 country codes
 * @param nis2 {@code essential}, {@code important} or {@code not-in-scope}
 * @param gdprRole {@code controller}, {@code processor} or {@code both}
 * @param privacyOfficer the privacy officer's user id; none yet
 * @param privacyOfficerName the privacy officer's display name; none without one
 * @param annualTurnoverEur the turnover of the previous financial year in euros (NIS2's financial-loss threshold); none
 *     when not given
 * @param secRegistrant whether it files reports with the US SEC (Form 8-K)
 * @param hipaaCoveredEntity whether it is a HIPAA covered entity or business associate
 */
public record LegalEntityView(
        LegalEntityId id,
        String name,
        List<String> jurisdictions,
        String nis2,
        boolean doraFinancialEntity,
        String gdprRole,
        String supervisoryAuthorityName,
        String supervisoryAuthorityContact,
        @Nullable UserId privacyOfficer,
        @Nullable String privacyOfficerName,
        @Nullable Long annualTurnoverEur,
        boolean secRegistrant,
        boolean hipaaCoveredEntity,
        long version) {}
