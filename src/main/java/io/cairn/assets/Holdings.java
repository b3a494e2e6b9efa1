package io.cairn.assets;

import io.cairn.identity.UserId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Who held which device when: each hand-over ends one holding and starts the next. */
@Component
class Holdings {

    private final JdbcClient jdbc;

    Holdings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void handOver(DeviceId device, @Nullable UserId to, Instant at) {
        jdbc.sql("update device_holding set held_until = ? where device_id = ? and held_until is null")
                .params(Timestamp.from(at), device.value())
                .update();
        if (to != null) {
            jdbc.sql("insert into device_holding (device_id, holder_id, held_from) values (?, ?, ?) "
                            + "on conflict (device_id, held_from) do update set holder_id = excluded.holder_id, "
                            + "held_until = null")
                    .params(device.value(), to.value(), Timestamp.from(at))
                    .update();
        }
    }

    List<Holding> of(DeviceId device) {
        return jdbc.sql("select holder_id, held_from, held_until from device_holding where device_id = ? "
                        + "order by held_from")
                .param(device.value())
                .query((row, n) -> new Holding(
                        device,
                        new UserId(row.getObject("holder_id", UUID.class)),
                        row.getTimestamp("held_from").toInstant(),
                        row.getTimestamp("held_until") == null
                                ? null
                                : row.getTimestamp("held_until").toInstant()))
                .list();
    }

    Optional<UserId> holderAt(DeviceId device, Instant at) {
        return jdbc.sql("select holder_id from device_holding where device_id = ? and held_from <= ? "
                        + "and (held_until is null or held_until > ?) order by held_from desc limit 1")
                .params(device.value(), Timestamp.from(at), Timestamp.from(at))
                .query(UUID.class)
                .optional()
                .map(UserId::new);
    }
}
