package io.cairn.audit;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the audit trail's checkpoints and signing key live outside the database, and how often checkpoints are
 * signed ({@code cairn.audit.*}).
 *
 * @param directory the directory of this node's checkpoint log ({@code checkpoints.txt}) and, unless
 *     {@code keyFile} says otherwise, of the signing key ({@code checkpoint.key}); application.yml puts it under the
 *     embedded database's data directory
 * @param keyFile the signing key's file, when it is not in {@code directory}: in a cluster every node needs the same
 *     key, for example from a shared secret mount
 * @param origin the log's name in its checkpoints, used when the key is generated (the key keeps it); by default the
 *     host, port and path of {@code cairn.base-url} followed by {@code /audit}
 * @param checkpointInterval how long a node waits between two attempts to sign a checkpoint (one is signed only when
 *     the trail grew) and to copy checkpoints other nodes signed into its own log
 * @param checkpointUrl where each checkpoint is also sent, as an HTTP POST of the signed note ({@code text/plain}),
 *     in order and until the endpoint accepts it with a 2xx; none when absent
 * @param checkpointUrlTimeout how long one POST to {@code checkpointUrl} may take
 */
@ConfigurationProperties("cairn.audit")
record AuditSettings(
        Path directory,
        Path keyFile,
        @Nullable String origin,
        Duration checkpointInterval,
        @Nullable URI checkpointUrl,
        Duration checkpointUrlTimeout) {

    AuditSettings {
        directory = directory == null ? Path.of("cairn-data", "audit") : directory;
        keyFile = keyFile == null ? directory.resolve("checkpoint.key") : keyFile;
        origin = origin == null || origin.isBlank() ? null : origin.trim();
        checkpointInterval =
                checkpointInterval == null || checkpointInterval.isNegative() || checkpointInterval.isZero()
                        ? Duration.ofMinutes(5)
                        : checkpointInterval;
        checkpointUrl = checkpointUrl == null || checkpointUrl.toString().isBlank() ? null : checkpointUrl;
        if (checkpointUrl != null && !List.of("http", "https").contains(String.valueOf(checkpointUrl.getScheme()))) {
            throw new IllegalArgumentException(
                    "cairn.audit.checkpoint-url must be an http or https URL, not " + checkpointUrl);
        }
        checkpointUrlTimeout =
                checkpointUrlTimeout == null || checkpointUrlTimeout.isNegative() || checkpointUrlTimeout.isZero()
                        ? Duration.ofSeconds(10)
                        : checkpointUrlTimeout;
    }

    /** This node's append-only checkpoint log. */
    Path checkpointLog() {
        return directory.resolve("checkpoints.txt");
    }
}
