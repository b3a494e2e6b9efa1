package io.cairn.isms.evidence;

import io.cairn.identity.IdentityManagement;
import io.cairn.identity.UserView;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.RefusalErrors;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** What the evidence pages share: problems by field in the reader's language, and people named by login name. */
@Component
class EvidencePageTexts {

    private final MessageSource messages;
    private final IdentityManagement identity;

    EvidencePageTexts(MessageSource messages, IdentityManagement identity) {
        this.messages = messages;
        this.identity = identity;
    }

    /** Each problem of the refusal next to its field; one of the whole form under {@code form}. */
    Map<String, String> byField(Refusal refusal) {
        return RefusalErrors.byField(refusal, messages, LocaleContextHolder.getLocale(), field -> field);
    }

    /** Whether the request came from htmx, which swaps the answer in rather than following a redirect. */
    static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    /** The item collected by the user of this login name, or by the signed-in user when none is given. */
    Outcome<NewEvidence> withCollector(NewEvidence item, @Nullable String username) {
        if (username == null || username.isBlank()) {
            return Outcome.done(item);
        }
        return user("collectedBy", username)
                .map(user -> new NewEvidence(
                        item.kind(),
                        item.description(),
                        item.source(),
                        item.collectedAt(),
                        user.id(),
                        item.collectedWhere(),
                        item.collectedHow(),
                        item.sha256(),
                        item.storageLocation()));
    }

    /** The user of this login name, or a problem of the field. */
    Outcome<UserView> user(String field, String username) {
        Optional<UserView> user = identity.findUserByUsername(username.strip());
        return user.map(Outcome::done)
                .orElseGet(
                        () -> Outcome.refused(Refusal.invalid(field, EvidenceRefusals.NO_SUCH_USER, username.strip())));
    }
}
