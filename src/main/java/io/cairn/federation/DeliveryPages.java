package io.cairn.federation;

import io.cairn.shared.Outcome;
import io.cairn.shared.RefusalErrors;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The delivery status page for admins, linked from the peers page: per peer the messages pending, delivered, failing
 * and dead, the failing and dead ones with their last error, and buttons to push one dead message, or all of a peer,
 * again. A refused retry comes back as a notice on the page.
 */
@Controller
class DeliveryPages {

    private final DeliveryStatusKeeping status;
    private final MessageSource messages;

    DeliveryPages(DeliveryStatusKeeping status, MessageSource messages) {
        this.status = status;
        this.messages = messages;
    }

    @GetMapping("/admin/deliveries")
    String page(Model model) {
        model.addAttribute("reports", status.reports().orRefuse());
        return "federation/deliveries";
    }

    @PostMapping("/admin/deliveries/{message}/retry")
    String retry(@PathVariable UUID message, RedirectAttributes redirect) {
        return after(status.retry(message), "deliveries.retried", redirect);
    }

    @PostMapping("/admin/deliveries/peers/{id}/retry")
    String retryAll(@PathVariable PeerId id, RedirectAttributes redirect) {
        return after(status.retryAll(id), "deliveries.retried-all", redirect);
    }

    private String after(Outcome<?> outcome, String done, RedirectAttributes redirect) {
        if (outcome instanceof Outcome.Refused<?> refused) {
            if (refused.refusal().kind() == io.cairn.shared.Refusal.Kind.FORBIDDEN) {
                outcome.orRefuse();
            }
            redirect.addFlashAttribute(
                    "problem", RefusalErrors.text(refused.refusal(), messages, LocaleContextHolder.getLocale()));
        } else {
            Object value = ((Outcome.Done<?>) outcome).value();
            redirect.addFlashAttribute(
                    "notice", messages.getMessage(done, new Object[] {value}, LocaleContextHolder.getLocale()));
        }
        return "redirect:/admin/deliveries";
    }
}
