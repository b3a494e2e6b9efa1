package io.cairn.intake;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an admin gives for an alert source: a description, the login names of the accounts that may send for it, and
 * whether it accepts alerts now.
 */
record AlertSourceDefinition(@Nullable String description, List<String> senders, boolean enabled) {

    AlertSourceDefinition {
        senders = senders == null
                ? List.of()
                : senders.stream()
                        .map(name -> name == null ? "" : name.trim())
                        .distinct()
                        .toList();
    }

    String describedAs() {
        return description == null ? "" : description.trim();
    }
}
