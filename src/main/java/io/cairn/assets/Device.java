package io.cairn.assets;

import io.cairn.identity.UserId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A registered device: a laptop, a phone, a server; who holds it now. */
@Table("device")
class Device {

    @Id
    private final UUID id;

    private String name;
    private DeviceKind kind;
    private final String identifier;
    private @Nullable UUID holderId;
    private @Nullable Instant holderSince;
    private boolean retired;
    private final Instant registeredAt;

    @Version
    private @Nullable Long version;

    @PersistenceCreator
    Device(
            UUID id,
            String name,
            DeviceKind kind,
            String identifier,
            @Nullable UUID holderId,
            @Nullable Instant holderSince,
            boolean retired,
            Instant registeredAt,
            @Nullable Long version) {
        this.id = id;
        this.name = name;
        this.kind = kind;
        this.identifier = identifier;
        this.holderId = holderId;
        this.holderSince = holderSince;
        this.retired = retired;
        this.registeredAt = registeredAt;
        this.version = version;
    }

    static Device register(String name, DeviceKind kind, String identifier, Instant now) {
        return new Device(UUID.randomUUID(), name, kind, identifier, null, null, false, now, null);
    }

    void describe(String name, DeviceKind kind) {
        this.name = name;
        this.kind = kind;
    }

    /** Hands the device to another holder (or to nobody) from the given moment. */
    void handOver(@Nullable UserId holder, Instant since) {
        this.holderId = holder == null ? null : holder.value();
        this.holderSince = holder == null ? null : since;
    }

    void retire() {
        this.retired = true;
        this.holderId = null;
        this.holderSince = null;
    }

    DeviceId id() {
        return new DeviceId(id);
    }

    @Nullable
    UserId holder() {
        return holderId == null ? null : new UserId(holderId);
    }

    long version() {
        return version == null ? 0 : version;
    }

    DeviceView view() {
        return new DeviceView(id(), name, kind, identifier, holder(), holderSince, retired, version());
    }

    String snapshot() {
        return "device{id=" + id + ",name=" + name + ",kind=" + kind + ",identifier=" + identifier + ",holder="
                + holderId + ",since=" + holderSince + ",retired=" + retired + "}";
    }
}
