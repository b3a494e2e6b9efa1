/**
 * Notifications: channels (mail now) behind one contract, message templates in English and Dutch, an outbox drained
 * with retries, back-off and dead letters, and the delivery log. It reacts to other modules' events; nothing depends
 * on it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"intake", "incidents", "handling", "identity", "shared"})
@org.jspecify.annotations.NullMarked
package io.cairn.notification;
