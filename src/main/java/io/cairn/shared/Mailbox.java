package io.cairn.shared;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.Locale;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * An IMAP mailbox that Cairn reads: the mail intake's, or the one bounces of notices come back to.
 *
 * @param host the IMAP server
 * @param port its port; 0 for the protocol's default (143 for imap, 993 for imaps)
 * @param protocol {@code imaps} (TLS, the server's identity checked) or {@code imap}
 * @param folder the folder read
 */
public record Mailbox(
        String host,
        int port,
        String protocol,
        @Nullable String username,
        @Nullable String password,
        String folder) {

    /** The protocol a setting names, {@code imaps} when it names none; refused naming the setting unless IMAP. */
    public static String protocol(String setting, @Nullable String protocol) {
        String named = protocol == null || protocol.isBlank()
                ? "imaps"
                : protocol.trim().toLowerCase(Locale.ROOT);
        if (!named.equals("imap") && !named.equals("imaps")) {
            throw new IllegalArgumentException(setting + " must be imap or imaps, not " + named);
        }
        return named;
    }

    /** Connects to the server; reading a mail does not mark it seen, only setting the flag does. */
    public Store connect() throws MessagingException {
        Store store = Session.getInstance(sessionProperties()).getStore(protocol);
        store.connect(host, port == 0 ? -1 : port, username, password);
        return store;
    }

    /** Where the mailbox is, for a log line: {@code imaps://user@host/INBOX}. */
    public String where() {
        return protocol + "://" + username + "@" + host + "/" + folder;
    }

    private Properties sessionProperties() {
        Properties properties = new Properties();
        properties.setProperty("mail.store.protocol", protocol);
        properties.setProperty("mail." + protocol + ".peek", "true");
        properties.setProperty("mail." + protocol + ".connectiontimeout", "15000");
        properties.setProperty("mail." + protocol + ".timeout", "60000");
        properties.setProperty("mail." + protocol + ".writetimeout", "60000");
        if (protocol.equals("imaps")) {
            properties.setProperty("mail.imaps.ssl.checkserveridentity", "true");
        }
        return properties;
    }
}
