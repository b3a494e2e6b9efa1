/**
 * Notifications: channels (mail now) behind one contract, the in-app inbox, message templates in English and Dutch
 * (each person is written to in their own language), an outbox (a queue of the delivery module) drained with retries,
 * back-off and dead letters, and the delivery log. It reacts to other modules' events; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "intake",
            "intake::system",
            "incidents",
            "handling",
            "compliance",
            "federation",
            "reporting",
            "risks",
            "isms",
            "identity",
            "identity::system",
            "delivery",
            "shared"
        })
@org.jspecify.annotations.NullMarked
package io.cairn.notification;
