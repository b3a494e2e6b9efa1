package io.cairn.notification;

import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The in-app inbox page ({@code /notifications}) and the unread badge that the site header loads with htmx, so that
 * the layout need not know this module.
 */
@Controller
class InboxPages {

    private final NotificationManagement notifications;

    InboxPages(NotificationManagement notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    String inbox(Model model, Locale locale) {
        model.addAttribute("messages", notifications.myMessages(false, locale.getLanguage()));
        model.addAttribute("unread", notifications.myUnreadCount());
        return "notifications/inbox";
    }

    @GetMapping("/notifications/badge")
    String badge(Model model) {
        model.addAttribute("unread", notifications.myUnreadCount());
        return "notifications/inbox :: badge";
    }

    @PostMapping("/notifications/{id}/read")
    String markRead(@PathVariable UUID id, RedirectAttributes redirect) {
        notifications.markRead(id);
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/read-all")
    String markAllRead() {
        notifications.markAllRead();
        return "redirect:/notifications";
    }
}
