/**
 * The incident exchange between Cairn instances: this instance's signing keys, its peers and how they authenticate,
 * the signed exchange format, and publishing incidents to customers' subscriptions (the share decision, rules, the
 * outbox that pushes each message, the pull feed and the delivery status).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "assets",
            "audit",
            "audit::witnessing",
            "delivery",
            "identity",
            "incidents",
            "incidents::system",
            "shared"
        })
@org.jspecify.annotations.NullMarked
package io.cairn.federation;
