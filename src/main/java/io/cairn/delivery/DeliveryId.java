package io.cairn.delivery;

import java.util.UUID;

/** Identifies a row of a delivery queue: the id of the owning module's outgoing item (a notification, a push). */
public record DeliveryId(UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
