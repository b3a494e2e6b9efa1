package io.cairn.compliance;

import io.cairn.shared.Mailbox;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The mailbox that bounces of notices come back to ({@code cairn.compliance.bounces.*}): the mailbox of {@code
 * cairn.mail.from}, the address notices are sent from.
 *
 * @param enabled whether Cairn reads the mailbox at all
 * @param port its port; 0 for the protocol's default
 * @param protocol {@code imaps} (TLS) or {@code imap}
 * @param folder the folder bounces arrive in
 * @param pollInterval how long to wait between reads
 */
@ConfigurationProperties("cairn.compliance.bounces")
record NoticeBounceSettings(
        boolean enabled,
        @Nullable String host,
        int port,
        String protocol,
        @Nullable String username,
        @Nullable String password,
        String folder,
        Duration pollInterval) {

    NoticeBounceSettings {
        protocol = Mailbox.protocol("cairn.compliance.bounces.protocol", protocol);
        folder = folder == null || folder.isBlank() ? "INBOX" : folder;
        pollInterval = pollInterval == null ? Duration.ofMinutes(5) : pollInterval;
        if (enabled && (host == null || host.isBlank())) {
            throw new IllegalArgumentException("cairn.compliance.bounces.host must be set when bounces are read");
        }
    }

    /** The mailbox read. */
    Mailbox mailbox() {
        return new Mailbox(Objects.requireNonNull(host), port, protocol, username, password, folder);
    }
}
