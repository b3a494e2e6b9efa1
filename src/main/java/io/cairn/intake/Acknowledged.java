package io.cairn.intake;

import io.cairn.identity.UserId;
import io.cairn.incidents.IncidentId;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Remembers where each acknowledgement went, in the transaction of the report, so that a reply from that address
 * quoting the reference is known as the reporter writing back.
 */
@Component
class Acknowledged {

    private final JdbcClient jdbc;

    Acknowledged(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void remember(ReportReceived report) {
        jdbc.sql("""
                insert into intake_acknowledgement (incident_id, reference, address, reporter_id)
                values (?, ?, ?, ?) on conflict do nothing""")
                .params(
                        report.incident().value(),
                        report.reference(),
                        report.replyTo(),
                        report.reporter() == null ? null : report.reporter().value())
                .update();
    }

    /** A report that was acknowledged to this address under this reference, and its reporter's account if any. */
    record Thread(IncidentId incident, @Nullable UserId reporter) {}

    /** The address an acknowledgement went to for the incident, when its reporter has no account. */
    Optional<String> anonymousAddress(IncidentId incident) {
        return jdbc.sql("select address from intake_acknowledgement where incident_id = ? and reporter_id is null")
                .param(incident.value())
                .query(String.class)
                .optional();
    }

    Optional<Thread> find(String reference, String address) {
        return jdbc.sql("""
                select incident_id, reporter_id from intake_acknowledgement
                where reference = ? and lower(address) = lower(?)""")
                .params(reference, address)
                .query((row, n) -> new Thread(
                        new IncidentId(row.getObject("incident_id", UUID.class)),
                        row.getObject("reporter_id") == null
                                ? null
                                : new UserId(row.getObject("reporter_id", UUID.class))))
                .optional();
    }
}
