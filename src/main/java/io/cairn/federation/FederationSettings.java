package io.cairn.federation;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How this instance takes part in the exchange ({@code cairn.federation.*}).
 *
 * @param name this instance's name as its peers show it; by default the host of {@code cairn.base-url}
 * @param keyGrace how long a retired signing key stays published and valid after a rotation
 * @param allowHttp whether peers may have plain {@code http} base URLs that are not on the loopback interface
 * @param maxMessageBytes the largest exchange message this instance reads or writes
 * @param connectTimeout how long a call to a peer may take to connect
 * @param readTimeout how long a call to a peer may wait for its answer
 * @param maxKeySetBytes the largest JWK set this instance reads from a peer
 * @param hopBudget the hop budget a new publication starts with (0 to 16; 4 in application.yml)
 * @param messageLifetime how long after it is issued a message expires
 * @param giveUpAfter how long the outbox tries to push a message before it becomes a dead letter
 * @param pushParallelism how many messages the outbox pushes at once
 * @param pushInterval how often the outbox looks for messages that are due
 * @param chainAuditorKeys the chain auditors' public keys, a JWK set, to which provenance entries are sealed; empty
 *     for none (entries are then sealed to a key nobody holds)
 * @param keySealFile the file of the AES-256 key that seals this instance's signing keys in the database (made when
 *     missing, mode 600); in a cluster every node needs the same one, for example from a shared secret mount
 */
@ConfigurationProperties("cairn.federation")
record FederationSettings(
        @Nullable String name,
        Duration keyGrace,
        boolean allowHttp,
        DataSize maxMessageBytes,
        Duration connectTimeout,
        Duration readTimeout,
        DataSize maxKeySetBytes,
        int hopBudget,
        Duration messageLifetime,
        Duration giveUpAfter,
        int pushParallelism,
        Duration pushInterval,
        @Nullable String chainAuditorKeys,
        Path keySealFile) {

    FederationSettings {
        keyGrace = keyGrace == null || keyGrace.isNegative() ? Duration.ofDays(7) : keyGrace;
        maxMessageBytes = maxMessageBytes == null ? DataSize.ofKilobytes(256) : maxMessageBytes;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
        maxKeySetBytes = maxKeySetBytes == null ? DataSize.ofKilobytes(64) : maxKeySetBytes;
        if (hopBudget < 0 || hopBudget > 16) {
            throw new IllegalArgumentException("cairn.federation.hop-budget must be 0 to 16, not " + hopBudget);
        }
        messageLifetime = messageLifetime == null ? Duration.ofDays(7) : messageLifetime;
        giveUpAfter = giveUpAfter == null ? Duration.ofDays(3) : giveUpAfter;
        pushParallelism = pushParallelism < 1 ? 32 : pushParallelism;
        pushInterval = pushInterval == null ? Duration.ofSeconds(5) : pushInterval;
        keySealFile = keySealFile == null ? Path.of("cairn-data", "federation", "signing-keys.seal") : keySealFile;
    }
}
