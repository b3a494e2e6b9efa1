package io.cairn.federation;

import io.cairn.shared.Refusal;

/** The reasons for which the federation module refuses a command. */
enum FederationRefusals implements Refusal.Reason {
    NOT_A_URL("federation.not-a-url", "is not a URL"),
    URL_SCHEME("federation.url-scheme", "must start with https:// (or http:// where plain HTTP is allowed)"),
    URL_USER_INFO("federation.url-user-info", "must not carry a user name or password"),
    URL_QUERY("federation.url-query", "must not have a query (?...)"),
    URL_FRAGMENT("federation.url-fragment", "must not have a fragment (#...)"),
    URL_HOST("federation.url-host", "must name a host"),
    UNKNOWN_BUSINESS_UNIT("federation.unknown-business-unit", "is no business unit of this organisation"),
    BUSINESS_UNIT_OF_PROVIDERS(
            "federation.business-unit-of-providers", "is for a provider: only a provider's incidents come here"),
    URL_PLAIN_HTTP(
            "federation.url-plain-http",
            "must use https: plain http is allowed only to this machine (loopback) or when "
                    + "cairn.federation.allow-http is set"),
    URL_PATH("federation.url-path", "must not have empty, '.' or '..' path segments"),
    KEYS_TOO_LARGE("federation.keys-too-large", "must be at most {0} bytes"),
    KEYS_NOT_A_SET("federation.keys-not-a-set", "is not a JWK set: a JSON object with an array \"keys\""),
    KEYS_EMPTY("federation.keys-empty", "holds no key"),
    KEYS_TOO_MANY("federation.keys-too-many", "must hold at most {0} keys"),
    KEY_UNREADABLE("federation.key-unreadable", "key {0} is not a JWK"),
    KEY_PRIVATE("federation.key-private", "key {0} has a private part: give the public keys only"),
    KEY_TYPE("federation.key-type", "key {0} is no EC P-256, RSA of at least 2048 bits or Ed25519 public key"),
    KEY_NOT_FOR_SIGNING("federation.key-not-for-signing", "key {0} is not a signing key (its use must be sig)"),
    KEY_WITHOUT_KID("federation.key-without-kid", "key {0} has no key id (kid) of at most 200 characters"),
    KEY_KID_TWICE("federation.key-kid-twice", "key {0} has the key id of an earlier key"),
    PEER_UNREACHABLE("federation.peer-unreachable", "{0} did not answer: {1}"),
    PEER_REDIRECTED("federation.peer-redirected", "{0} redirected to another host, or too often"),
    PEER_ANSWER_TOO_LARGE("federation.peer-answer-too-large", "{0} answered more than {1} bytes"),
    PEER_ANSWERED_STATUS("federation.peer-answered-status", "{0} answered HTTP {1} instead of its keys"),
    PEER_ANSWERED_GARBAGE("federation.peer-answered-garbage", "{0} answered no usable key set: {1}"),
    NOT_THE_ACTIVE_KEY("federation.not-the-active-key", "is not the active key; the active key is {0}"),
    WITNESS_ANSWERED_STATUS("federation.witness-answered-status", "{0} answered HTTP {1}: {2}"),
    WITNESS_ANSWERED_GARBAGE("federation.witness-answered-garbage", "{0} answered what cannot be used: {1}"),
    NOTE_TOO_LARGE("federation.note-too-large", "a signed note is at most {0} bytes"),
    WITNESS_KEY_CHANGED(
            "federation.witness-key-changed",
            "the peer''s witness key is now {0}, not {1} as pinned: an admin forgets the pinned key to accept it"),
    ALREADY_SUSPENDED("federation.already-suspended", "the peer is suspended already"),
    ALREADY_ACTIVE("federation.already-active", "the peer is active already"),
    MESSAGE_TOO_LARGE("federation.message-too-large", "the message is larger than {0} bytes"),
    MESSAGE_NOT_JSON("federation.message-not-json", "the message is not one JSON value, or has a key twice"),
    MESSAGE_UNREADABLE("federation.message-unreadable", "the message cannot be read as an exchange message"),
    BREAKS_SCHEMA("federation.breaks-schema", "{0}"),
    MUST_BE_AFTER("federation.must-be-after", "must be after {0}"),
    MUST_NOT_BE_AFTER("federation.must-not-be-after", "must not be after {0} (5 minutes allowed for clocks)"),
    MUST_NOT_BE_BEFORE("federation.must-not-be-before", "must not be before {0}"),
    KIND_NEEDS_PART("federation.kind-needs-part", "is required for a message of kind {0}"),
    KIND_FORBIDS_PART("federation.kind-forbids-part", "is not allowed in a message of kind {0}"),
    MESSAGE_EXPIRED("federation.message-expired", "lies in the past: the message expired"),
    MESSAGE_FROM_THE_FUTURE(
            "federation.message-from-the-future", "lies more than 5 minutes in the future: the clocks differ too much"),
    MARKING_UNCHANGED("federation.marking-unchanged", "a change of marking must change the TLP or the PAP"),
    RED_NEVER_LEAVES("federation.red-never-leaves", "an incident marked TLP:RED never leaves this instance"),
    AMBER_STRICT_STAYS(
            "federation.amber-strict-stays",
            "an incident received marked TLP:AMBER+STRICT stays in this organisation: it is never relayed"),
    HOPS_SPENT(
            "federation.hops-spent",
            "the provider sent this incident with a hop budget of 0: it may not be relayed any further"),
    HOPS_ABOVE_RECEIVED("federation.hops-above-received", "must be 0 to {0}: the hop budget received less one"),
    UPSTREAM_RETRACTED("federation.upstream-retracted", "the provider retracted this incident: it is relayed no more"),
    PAP_BELOW_INCIDENT(
            "federation.pap-below-incident",
            "must not be lower than the incident''s PAP:{0}; lower the incident''s marking first, with a reason"),
    NAMES_PROVIDER(
            "federation.names-provider",
            "names the provider {0}; change the text, or confirm with namesProviderConfirmed that it may"),
    JWS_UNREADABLE("federation.jws-unreadable", "is not a JWS in compact serialization"),
    JWS_TOO_LARGE("federation.jws-too-large", "is larger than {0} bytes"),
    JWS_TYPE("federation.jws-type", "the JWS header's typ must be cairn-exchange+jws"),
    JWS_HEADER("federation.jws-header", "{0}"),
    JWS_UNKNOWN_KEY("federation.jws-unknown-key", "the signer has no key with the JWS's kid"),
    JWS_SIGNATURE(
            "federation.jws-signature",
            "the signature does not verify with the signer's key of that kid and an algorithm that fits it"),
    TOO_MANY("federation.too-many", "must hold at most {0} items"),
    NOT_A_CHOICE(
            "federation.not-a-choice",
            "subscription {0} is no active subscription of an active customer that this incident matches"),
    ALREADY_IN_AUDIENCE("federation.already-in-audience", "subscription {0} receives this incident already"),
    NOT_PUBLISHED("federation.not-published", "the incident is not published"),
    PUBLICATION_RETRACTED(
            "federation.publication-retracted", "the incident's publication was retracted: it is published no more"),
    WORDS_CHANGE_WITH_PUT(
            "federation.words-change-with-put",
            "the incident is published already: change its words with PUT, and leave them out here"),
    FIRST_PUBLICATION_HAS_NO_VERSION(
            "federation.first-publication-has-no-version", "must be left out for the first publication"),
    FEED_CURSOR("federation.feed-cursor", "is no cursor of this feed"),
    PEER_ROLE("federation.peer-role", "only a {0} peer may call this; this peer is a {1}"),
    NOT_A_DEAD_LETTER("federation.not-a-dead-letter", "the message is no dead letter: only dead letters are retried"),
    NOT_AN_ACTIVE_PROVIDER(
            "federation.not-an-active-provider",
            "only an active provider peer may deliver messages to this instance; the role of this peer is {0}"),
    PUBLISHER_NOT_SIGNER("federation.publisher-not-signer", "must be the base URL of the peer that signed the message"),
    RECIPIENT_NOT_THIS("federation.recipient-not-this", "must be the base URL of this instance, {0}"),
    SUBSCRIPTION_NOT_HELD(
            "federation.subscription-not-held", "is no subscription this instance holds at the message's publisher"),
    NOT_A_SHA256("federation.not-a-sha256", "must be a SHA-256 digest: 64 lower-case hex digits"),
    INBOX_CONTENT_TYPE(
            "federation.inbox-content-type",
            "must be application/jose (the body is one message's JWS) or application/json (an envelope of messages)"),
    ENVELOPE_UNREADABLE(
            "federation.envelope-unreadable",
            "must be a JSON object whose only member is \"messages\", a list of messages' compact JWS"),
    ENVELOPE_SIZE("federation.envelope-size", "must hold 1 to {0} messages"),
    ENVELOPE_NOT_A_JWS("federation.envelope-not-a-jws", "must be a message's compact JWS, as a JSON string"),
    ENVELOPE_TOO_LARGE("federation.envelope-too-large", "is larger than {0} bytes: push fewer messages at once"),
    SUBSCRIPTION_NOT_ACTIVE(
            "federation.subscription-not-active", "the subscription is cancelled, or its provider is not active"),
    FEED_UNREADABLE(
            "federation.feed-unreadable",
            "{0} answered no feed page: HTTP {1}, or no JSON object with a list \"messages\" and a text \"next\"");

    private final String code;
    private final String template;

    FederationRefusals(String code, String template) {
        this.code = code;
        this.template = template;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String template() {
        return template;
    }
}
