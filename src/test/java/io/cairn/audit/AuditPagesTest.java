package io.cairn.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cairn.Pages;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers.TestUser;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** The audit page: only for auditors; newest records first; verification as a fragment for htmx. */
@OwnTrail
class AuditPagesTest extends Pages.OnServer {

    @Test
    void onlyAuditorsMayReadTheTrail() throws Exception {
        TestUser admin = users.user("admin", Set.of(Role.ADMIN, Role.HANDLER, Role.COORDINATOR));

        mvc.perform(get("/audit").with(authentication(users.authentication(admin))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/audit/verify").with(authentication(users.authentication(admin))))
                .andExpect(status().isForbidden());
    }

    @Test
    void showsTheNewestRecordsAndVerifiesTheTrail() throws Exception {
        TestUser auditor = users.user("auditor", Set.of(Role.AUDITOR));

        mvc.perform(get("/audit").with(authentication(users.authentication(auditor))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/api/v1/audit/export")));
        String verification = mvc.perform(get("/audit/verify").header("HX-Request", "true")
                        .with(authentication(users.authentication(auditor))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(verification).startsWith("<div id=\"verification\"").contains("The trail is intact")
                .doesNotContain("<html");
    }
}
