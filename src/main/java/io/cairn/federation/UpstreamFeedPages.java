package io.cairn.federation;

import io.cairn.shared.Outcome;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The section of a provider peer's admin page that lists the subscriptions this instance holds there, each with where
 * the reading of its feed stands and a button to catch up with the feed now, and what became of the messages received
 * from the provider (waiting, applied, superseded, failed, and each failure with why); loaded and answered with htmx.
 */
@Controller
class UpstreamFeedPages {

    /** The failed messages the section lists at most. */
    static final int MAX_FAILURES = 50;

    private final FederationManagement federation;
    private final ReceivedMessages received;

    UpstreamFeedPages(FederationManagement federation, ReceivedMessages received) {
        this.federation = federation;
        this.received = received;
    }

    @GetMapping("/admin/peers/{id}/upstream")
    String section(@PathVariable PeerId id, Model model) {
        return render(id, model);
    }

    @PostMapping("/admin/peers/{id}/upstream/{subscription}/catch-up")
    String catchUp(@PathVariable PeerId id, @PathVariable SubscriptionId subscription, Model model) {
        Outcome<FeedPuller.Pull> pull = federation.catchUp(subscription);
        if (pull instanceof Outcome.Done<FeedPuller.Pull> done) {
            model.addAttribute("pull", done.value());
        } else {
            model.addAttribute(
                    "refusal",
                    ((Outcome.Refused<FeedPuller.Pull>) pull).refusal().message());
        }
        return render(id, model);
    }

    private String render(PeerId id, Model model) {
        Outcome<List<UpstreamSubscription>> held = federation.upstreamSubscriptions(id);
        if (held instanceof Outcome.Done<List<UpstreamSubscription>> done) {
            model.addAttribute("peerId", id);
            model.addAttribute("upstream", done.value());
            ReceivedMessages.Standing standing = received.standing(id, MAX_FAILURES);
            Map<String, Long> counts = new HashMap<>();
            for (ReceivedMessages.State state : ReceivedMessages.State.values()) {
                counts.put(state.code(), standing.count(state));
            }
            model.addAttribute("received", counts);
            model.addAttribute("failures", standing.failures());
            return "federation/upstream :: upstream";
        }
        return "federation/upstream :: none";
    }
}
