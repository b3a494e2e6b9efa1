package io.cairn.intake;

import io.cairn.shared.Mailbox;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The mailbox that e-mail intake polls ({@code cairn.mail.intake.*}).
 *
 * @param enabled whether Cairn polls the mailbox at all
 * @param host the IMAP server
 * @param port its port; 0 for the protocol's default (143 for imap, 993 for imaps)
 * @param protocol {@code imaps} (TLS) or {@code imap}
 * @param folder the folder new reports arrive in
 * @param pollInterval how long to wait between polls
 * @param language the language to acknowledge in when a mail does not say (by {@code Content-Language})
 */
@ConfigurationProperties("cairn.mail.intake")
record MailIntakeSettings(
        boolean enabled,
        @Nullable String host,
        int port,
        String protocol,
        @Nullable String username,
        @Nullable String password,
        String folder,
        Duration pollInterval,
        String language) {

    MailIntakeSettings {
        protocol = Mailbox.protocol("cairn.mail.intake.protocol", protocol);
        folder = folder == null || folder.isBlank() ? "INBOX" : folder;
        pollInterval = pollInterval == null ? Duration.ofMinutes(1) : pollInterval;
        language = "nl".equalsIgnoreCase(language) ? "nl" : "en";
        if (enabled && (host == null || host.isBlank())) {
            throw new IllegalArgumentException("cairn.mail.intake.host must be set when mail intake is enabled");
        }
    }

    /** The mailbox polled. */
    Mailbox mailbox() {
        return new Mailbox(java.util.Objects.requireNonNull(host), port, protocol, username, password, folder);
    }
}
