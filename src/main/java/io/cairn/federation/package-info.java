/**
 * The incident exchange between Cairn instances: this instance's signing keys, its peers and how they authenticate,
 * the signed exchange format, publishing incidents to customers' subscriptions (the share decision, rules, the outbox
 * that pushes each message, the pull feed and the delivery status), receiving what providers publish (the inbox, the
 * pull of their feeds) as reports in intake, and witnessing peers' audit trails.
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
            "intake::providers",
            "shared",
            "trace"
        })
@org.jspecify.annotations.NullMarked
package io.cairn.federation;
