package io.cairn.federation;

import com.nimbusds.jose.JWSObject;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.ParseException;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The auditor's view of provenance at this hop: the newest messages it received and issued, each with its SHA-256 (the
 * digest its audit record carries), the commitment anyone can see and the size of the sealed entry only a chain auditor
 * opens; optionally those of one incident, with the {@code trace} command that walks it back to its origin.
 */
@Controller
class ProvenancePages {

    static final int PAGE_SIZE = 50;

    private final JdbcClient jdbc;
    private final IdentityManagement identity;
    private final ThisInstance instance;

    ProvenancePages(JdbcClient jdbc, IdentityManagement identity, ThisInstance instance) {
        this.jdbc = jdbc;
        this.identity = identity;
        this.instance = instance;
    }

    /**
     * One message as the page lists it.
     *
     * @param party the provider it came from, or the customer it went to
     * @param sealedBytes the size of its sealed provenance entry
     */
    record MessageRow(
            UUID incident,
            String party,
            UUID exchangeId,
            long version,
            String kind,
            Instant at,
            String sha256,
            String commitment,
            int sealedBytes) {}

    @GetMapping("/audit/provenance")
    @Transactional(readOnly = true)
    String provenance(@RequestParam(required = false) @Nullable String incident, Model model) {
        if (!identity.requireActor().has(Role.AUDITOR)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "you need the role auditor to read provenance");
        }
        UUID only = incident == null || incident.isBlank() ? null : parsed(incident.strip());
        model.addAttribute("incident", incident == null ? "" : incident.strip());
        model.addAttribute("invalidIncident", incident != null && !incident.isBlank() && only == null);
        model.addAttribute(
                "received",
                jdbc.sql("""
                        select i.incident_id, i.provider_name as party, m.exchange_id, m.version, m.kind,
                               m.received_at as at, m.jws
                        from federation_received_message m
                        join federation_received_incident i on i.peer_id = m.peer_id and i.exchange_id = m.exchange_id
                        where cast(? as uuid) is null or i.incident_id = cast(? as uuid)
                        order by m.received_at desc limit ?""")
                        .params(only, only, PAGE_SIZE)
                        .query((row, n) -> row(row))
                        .list());
        model.addAttribute(
                "issued",
                jdbc.sql("""
                        select o.incident_id, p.name as party, o.exchange_id, o.exchange_version as version, o.kind,
                               o.created_at as at, o.jws
                        from federation_outbox o join federation_peer p on p.id = o.peer_id
                        where cast(? as uuid) is null or o.incident_id = cast(? as uuid)
                        order by o.sequence desc limit ?""")
                        .params(only, only, PAGE_SIZE)
                        .query((row, n) -> row(row))
                        .list());
        model.addAttribute("hop", instance.baseUrl());
        return "federation/provenance";
    }

    private static MessageRow row(ResultSet row) throws SQLException {
        String jws = row.getString("jws");
        JsonNode provenance = provenance(jws);
        return new MessageRow(
                row.getObject("incident_id", UUID.class),
                row.getString("party"),
                row.getObject("exchange_id", UUID.class),
                row.getLong("version"),
                row.getString("kind"),
                row.getTimestamp("at").toInstant(),
                ExchangeSignatures.sha256(jws),
                provenance.path("commitment").asString(""),
                sealedLength(provenance.path("sealed")));
    }

    /** The provenance part of a stored message, which this instance signed or checked before storing it. */
    private static JsonNode provenance(String jws) {
        try {
            return ExchangeJson.MAPPER
                    .readTree(JWSObject.parse(jws).getPayload().toString())
                    .path("incident")
                    .path("provenance");
        } catch (ParseException | JacksonException e) {
            return ExchangeJson.MAPPER.missingNode();
        }
    }

    private static @Nullable UUID parsed(String id) {
        return id.matches("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}") ? UUID.fromString(id) : null;
    }

    /** The length of a sealed entry as it travels: a compact serialization, or the JSON text of the general one. */
    private static int sealedLength(JsonNode sealed) {
        return sealed.isString()
                ? sealed.stringValue().length()
                : sealed.isObject() ? sealed.toString().length() : 0;
    }
}
