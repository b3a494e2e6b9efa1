package io.cairn.intake;

import java.time.Instant;
import java.util.List;

/**
 * A system that may send alerts, as an admin registered it. Only its senders may send alerts for it, and only while
 * it is enabled; its alerts are de-duplicated within it, so no other sender can touch them.
 *
 * @param key the name its alerts give as their {@code source}, such as {@code wazuh}; fixed when registered
 * @param senders the login names of the accounts that may send for it, with any of their API tokens
 */
record AlertSource(
        String key,
        String description,
        boolean enabled,
        List<String> senders,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    AlertSource {
        senders = List.copyOf(senders);
    }
}
