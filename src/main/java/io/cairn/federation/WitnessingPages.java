package io.cairn.federation;

import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.shared.Outcome;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The section of a peer's admin page that says how this instance witnesses the peer's audit trail: its pinned
 * witness key, the size of its checkpoint last cosigned, what the last round found and the alarms raised, with
 * buttons to witness now and to forget the pinned key; loaded and answered with htmx.
 */
@Controller
class WitnessingPages {

    private final FederationManagement federation;
    private final IdentityManagement identity;

    WitnessingPages(FederationManagement federation, IdentityManagement identity) {
        this.federation = federation;
        this.identity = identity;
    }

    @GetMapping("/admin/peers/{id}/witnessing")
    String section(@PathVariable PeerId id, Model model) {
        requireAdmin();
        return render(id, model);
    }

    @PostMapping("/admin/peers/{id}/witnessing")
    String witnessNow(@PathVariable PeerId id, Model model) {
        requireAdmin();
        Outcome<Long> witnessed = federation.witnessNow(id);
        if (witnessed instanceof Outcome.Done<Long> done) {
            model.addAttribute("cosigned", done.value());
        } else {
            model.addAttribute(
                    "refusal", ((Outcome.Refused<Long>) witnessed).refusal().message());
        }
        return render(id, model);
    }

    @PostMapping("/admin/peers/{id}/witnessing/forget")
    String forget(@PathVariable PeerId id, Model model) {
        requireAdmin();
        if (federation.forgetWitnessKey(id) instanceof Outcome.Refused<PeerId> refused) {
            model.addAttribute("refusal", refused.refusal().message());
        } else {
            model.addAttribute("forgotten", true);
        }
        return render(id, model);
    }

    /** The peer pages are the admins'; a signed-in user without the role gets 403, as on the peer page itself. */
    private void requireAdmin() {
        if (!identity.requireActor().has(Role.ADMIN)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "you need the role admin to manage peers");
        }
    }

    private String render(PeerId id, Model model) {
        Outcome<List<PeerWitnessState>> states = federation.witnessing();
        if (states instanceof Outcome.Done<List<PeerWitnessState>> done) {
            model.addAttribute("peerId", id);
            model.addAttribute(
                    "state",
                    done.value().stream()
                            .filter(state -> state.peer().equals(id))
                            .findFirst()
                            .orElse(null));
            return "federation/witnessing :: witnessing";
        }
        return "federation/witnessing :: none";
    }
}
