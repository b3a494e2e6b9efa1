package io.cairn.notification;

import io.cairn.identity.system.UsersForSystem;
import io.cairn.isms.EvidenceTransferProposed;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the receiver of a proposed transfer of evidence that it awaits their sign-off, in their inbox and by mail in
 * their language, in the transaction of the proposal; the message names the item by its incident's reference and
 * number only, and leads to the item's page, where they accept or decline it.
 */
@Component
class EvidenceNotifications {

    private final InboxAndMail people;
    private final UsersForSystem users;

    EvidenceNotifications(InboxAndMail people, UsersForSystem users) {
        this.people = people;
        this.users = users;
    }

    @EventListener
    void proposed(EvidenceTransferProposed proposed) {
        people.tell(
                users.users(List.of(proposed.to())),
                "evidence-transfer-proposed:" + proposed.transfer(),
                "evidence-transfer-proposed",
                Map.of(
                        "label",
                        proposed.label().strip(),
                        "from",
                        proposed.actor().name()),
                "/incidents/" + proposed.incident() + "/evidence/" + proposed.item(),
                "en",
                proposed.at());
    }
}
