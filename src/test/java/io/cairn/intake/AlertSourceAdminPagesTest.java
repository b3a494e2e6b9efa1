package io.cairn.intake;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cairn.Pages;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers.TestUser;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.Authentication;

/** The admins' alert source pages: register, change and remove, with each problem next to its field. */
class AlertSourceAdminPagesTest extends Pages.OnServer {

    Authentication admin;
    String suffix;
    String sender;

    @BeforeEach
    void people() {
        admin = users.authentication(users.user("admin", Set.of(Role.ADMIN)));
        suffix = Long.toString(System.nanoTime(), 36);
        sender = "wazuh-bot-" + suffix;
        users.userNamed(sender, Set.of(Role.REPORTER));
    }

    @Test
    void onlyAdminsMayOpenOrUseThePages() throws Exception {
        TestUser coordinator = users.user("coordinator", Set.of(Role.COORDINATOR, Role.HANDLER, Role.AUDITOR));
        Authentication other = users.authentication(coordinator);

        mvc.perform(get("/admin/alert-sources").with(authentication(other))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/alert-sources")
                        .param("key", "mine-" + suffix)
                        .with(authentication(other))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/alert-sources").with(authentication(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Alert sources")));
    }

    @Test
    void anAdminRegistersChangesAndRemovesASource() throws Exception {
        String key = "wazuh-" + suffix;
        mvc.perform(post("/admin/alert-sources")
                        .param("key", key)
                        .param("description", "Wazuh")
                        .param("senders", sender)
                        .param("enabled", "true")
                        .with(authentication(admin))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/alert-sources"))
                .andExpect(flash().attribute("notice", "Alert source " + key + " was registered."));
        mvc.perform(get("/admin/alert-sources").with(authentication(admin)))
                .andExpect(content().string(Matchers.containsString(key)))
                .andExpect(content().string(Matchers.containsString(sender)));

        mvc.perform(post("/admin/alert-sources/" + key)
                        .param("description", "Wazuh, paused")
                        .param("senders", "")
                        .param("version", "0")
                        .with(authentication(admin))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/alert-sources"));
        mvc.perform(get("/admin/alert-sources/" + key).with(authentication(admin)))
                .andExpect(content().string(Matchers.containsString("Wazuh, paused")))
                .andExpect(content()
                        .string(Matchers.containsString("<input type=\"checkbox\" name=\"enabled\" value=\"true\">")));

        mvc.perform(post("/admin/alert-sources/" + key + "/removal")
                        .param("version", "1")
                        .with(authentication(admin))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/alert-sources"));
        mvc.perform(get("/admin/alert-sources/" + key).with(authentication(admin)))
                .andExpect(status().isNotFound());
    }

    @Test
    void showsAnUnknownSenderNextToTheFieldInDutch() throws Exception {
        mvc.perform(post("/admin/alert-sources")
                        .param("lang", "nl")
                        .param("key", "edr-" + suffix)
                        .param("senders", sender + ", nobody-" + suffix)
                        .with(authentication(admin))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .string(Matchers.containsString("<small class=\"field-error\" "
                                + "id=\"source-senders-error\">&#39;nobody-" + suffix
                                + "&#39; is niet de gebruikersnaam van een gebruiker</small>")));
    }

    @Test
    void showsABadKeyAndATakenKeyNextToTheField() throws Exception {
        mvc.perform(post("/admin/alert-sources")
                        .param("key", "Not A Key")
                        .with(authentication(admin))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .string(Matchers.containsString("id=\"source-key-error\">Must be 1 to 100 "
                                + "lower-case letters, digits, dots, dashes or underscores</small>")));
        String key = "ids-" + suffix;
        mvc.perform(post("/admin/alert-sources")
                .param("key", key)
                .with(authentication(admin))
                .with(csrf()));
        mvc.perform(post("/admin/alert-sources")
                        .param("key", key)
                        .with(authentication(admin))
                        .with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content()
                        .string(Matchers.containsString(
                                "id=\"source-key-error\">This name is already taken.</small>")));
    }

    @Test
    void aStaleChangeSaysSomeoneElseChangedIt() throws Exception {
        String key = "ndr-" + suffix;
        mvc.perform(post("/admin/alert-sources")
                .param("key", key)
                .with(authentication(admin))
                .with(csrf()));
        mvc.perform(post("/admin/alert-sources/" + key)
                .param("description", "first")
                .param("version", "0")
                .with(authentication(admin))
                .with(csrf()));

        mvc.perform(post("/admin/alert-sources/" + key)
                        .param("description", "second")
                        .param("version", "0")
                        .with(authentication(admin))
                        .with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(Matchers.containsString("Someone else changed this")));
    }
}
