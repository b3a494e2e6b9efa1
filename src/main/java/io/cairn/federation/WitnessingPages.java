package io.cairn.federation;

import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.shared.Outcome;
import io.cairn.shared.RefusalErrors;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
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
    private final MessageSource messages;

    WitnessingPages(FederationManagement federation, IdentityManagement identity, MessageSource messages) {
        this.federation = federation;
        this.identity = identity;
        this.messages = messages;
    }

    @GetMapping("/admin/peers/{id}/witnessing")
    String section(@PathVariable PeerId id, Model model, Locale locale) {
        requireAdmin();
        return render(id, model, locale);
    }

    @PostMapping("/admin/peers/{id}/witnessing")
    String witnessNow(@PathVariable PeerId id, Model model, Locale locale) {
        requireAdmin();
        Outcome<Long> witnessed = federation.witnessNow(id);
        if (witnessed instanceof Outcome.Done<Long> done) {
            model.addAttribute("cosigned", done.value());
        } else {
            model.addAttribute(
                    "refusal", RefusalErrors.text(((Outcome.Refused<Long>) witnessed).refusal(), messages, locale));
        }
        return render(id, model, locale);
    }

    @PostMapping("/admin/peers/{id}/witnessing/forget")
    String forget(@PathVariable PeerId id, Model model, Locale locale) {
        requireAdmin();
        if (federation.forgetWitnessKey(id) instanceof Outcome.Refused<PeerId> refused) {
            model.addAttribute("refusal", RefusalErrors.text(refused.refusal(), messages, locale));
        } else {
            model.addAttribute("forgotten", true);
        }
        return render(id, model, locale);
    }

    /** The peer pages are the admins'; a signed-in user without the role gets 403, as on the peer page itself. */
    private void requireAdmin() {
        if (!identity.requireActor().has(Role.ADMIN)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "you need the role admin to manage peers");
        }
    }

    private String render(PeerId id, Model model, Locale locale) {
        Outcome<List<PeerWitnessState>> states = federation.witnessing();
        if (states instanceof Outcome.Done<List<PeerWitnessState>> done) {
            PeerWitnessState state = done.value().stream()
                    .filter(candidate -> candidate.peer().equals(id))
                    .findFirst()
                    .orElse(null);
            model.addAttribute("peerId", id);
            model.addAttribute("state", state);
            model.addAttribute("outcome", state == null ? null : outcome(state, locale));
            return "federation/witnessing :: witnessing";
        }
        return "federation/witnessing :: none";
    }

    /** What the last round found, in the reader's language (a round recorded before reasons were kept, as it was). */
    private @Nullable String outcome(PeerWitnessState state, Locale locale) {
        PeerWitnessState.Reason reason = state.reason();
        if (reason == null) {
            return state.outcome();
        }
        return RefusalErrors.sentence(messages.getMessage(
                new DefaultMessageSourceResolvable(
                        new String[] {reason.code()}, reason.arguments().toArray(), reason.template()),
                locale));
    }
}
