package io.cairn.federation;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A received incident as relaying it needs: what this instance stored of it, the provider's incident as it last
 * stated it, the last message applied (the receipt the relay's provenance entry names), and the provider's
 * identifiers (name, base URL, host, domain), which a relayed copy must not contain.
 *
 * @param providerUrl the provider's base URL; null when its peer was removed since
 */
record RelaySource(
        ReceivedMessages.ReceivedIncident received,
        ExchangeMessage.Incident snapshot,
        ReceivedMessages.@Nullable Receipt receipt,
        String providerName,
        @Nullable String providerUrl) {

    /** The hop budget a relayed copy may carry at most: the received one less one. */
    int hopBudgetLeft() {
        return Math.max(0, snapshot.hopBudget() - 1);
    }

    boolean retracted() {
        return received.retractedAt() != null;
    }

    /**
     * The texts that name the provider, lower-cased: its name, its base URL, its host (with and without port) and, for
     * a host name of three labels or more, its domain (the last two labels).
     */
    Set<String> providerTerms() {
        Set<String> terms = new LinkedHashSet<>();
        if (providerName.strip().length() >= 3) {
            terms.add(providerName.strip().toLowerCase(Locale.ROOT));
        }
        if (providerUrl != null) {
            terms.add(providerUrl.toLowerCase(Locale.ROOT));
            URI uri = URI.create(providerUrl);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            if (!host.isEmpty()) {
                terms.add(uri.getPort() > 0 ? host + ":" + uri.getPort() : host);
                terms.add(host);
                String[] labels = host.split("\\.");
                if (labels.length >= 3 && !host.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
                    terms.add(labels[labels.length - 2] + "." + labels[labels.length - 1]);
                }
            }
        }
        return terms;
    }

    /** The fields among these (field, text) pairs whose text names the provider. */
    List<String> naming(List<Text> texts) {
        Set<String> terms = providerTerms();
        List<String> fields = new ArrayList<>();
        for (Text text : texts) {
            String lower = text.text().toLowerCase(Locale.ROOT);
            if (terms.stream().anyMatch(lower::contains)) {
                fields.add(text.field());
            }
        }
        return fields;
    }

    /** A text of a relayed copy and the field it is sent in. */
    record Text(String field, String text) {}
}
