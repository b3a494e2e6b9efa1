package io.cairn.assets;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cairn.Pages;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers;
import io.cairn.identity.TestUsers.TestUser;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

/** Admins import the device registry from a CSV file in the UI; a bad line refuses the file and is named. */
class DeviceAdminPagesTest extends Pages.OnServer {

    TestUser admin;

    @BeforeEach
    void setUp() {
        admin = users.user("dev-admin", Set.of(Role.ADMIN));
    }

    private MockMultipartFile csv(String text) {
        return new MockMultipartFile("file", "devices.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anAdminImportsDevicesAndSeesThemListed() throws Exception {
        String serial = TestUsers.unique("SN");
        mvc.perform(multipart("/admin/devices/import")
                        .file(csv("name,kind,identifier,holder\nLab laptop,laptop," + serial + "," + admin.username()
                                + "\n"))
                        .with(authentication(users.authentication(admin)))
                        .with(csrf()))
                .andExpect(flash().attributeExists("imported"));
        mvc.perform(get("/admin/devices").with(authentication(users.authentication(admin))))
                .andExpect(content().string(Matchers.containsString(serial)));
    }

    @Test
    void aBadLineIsNamedAndNothingIsImported() throws Exception {
        String serial = TestUsers.unique("SN");
        mvc.perform(multipart("/admin/devices/import")
                        .file(csv("name,kind,identifier\nGood,laptop," + serial + "\nBad,toaster,X-" + serial + "\n"))
                        .with(authentication(users.authentication(admin)))
                        .with(csrf()))
                .andExpect(flash().attribute(
                                "importProblems",
                                Matchers.hasItem(Matchers.hasToString(Matchers.containsString("line 3 kind")))));
        mvc.perform(get("/admin/devices").with(authentication(users.authentication(admin))))
                .andExpect(content().string(Matchers.not(Matchers.containsString(serial))));
    }

    @Test
    void onlyAdminsSeeTheRegistryPage() throws Exception {
        TestUser reporter = users.user("dev-reporter", Set.of(Role.REPORTER));
        mvc.perform(get("/admin/devices").with(authentication(users.authentication(reporter))))
                .andExpect(status().isForbidden());
    }
}
