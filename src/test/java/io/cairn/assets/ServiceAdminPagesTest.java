package io.cairn.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cairn.Pages;
import io.cairn.identity.Role;
import io.cairn.identity.TeamId;
import io.cairn.identity.TestUsers;
import io.cairn.identity.TestUsers.TestUser;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Admins register and change services in the UI, see what depends on each, and read each problem by its field. */
class ServiceAdminPagesTest extends Pages.OnServer {

    @Autowired
    JdbcClient jdbc;

    TestUser admin;
    TeamId team;

    @BeforeEach
    void setUp() {
        admin = users.user("svc-admin", Set.of(Role.ADMIN));
        team = users.team("svc-owners");
    }

    private String register(String name, String... dependsOn) throws Exception {
        mvc.perform(post("/admin/services")
                        .param("name", name)
                        .param("ownerTeam", team.toString())
                        .param("criticality", "high")
                        .param("dependsOn", dependsOn)
                        .with(authentication(users.authentication(admin)))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        return jdbc.sql("select id::text from service where name = ?")
                .param(name)
                .query(String.class)
                .single();
    }

    @Test
    void anAdminRegistersServicesAndSeesWhatDependsOnEach() throws Exception {
        String storage = register(TestUsers.unique("Storage"));
        String shop = TestUsers.unique("Shop");
        register(shop, storage);

        mvc.perform(get("/admin/services").with(authentication(users.authentication(admin))))
                .andExpect(content().string(Matchers.containsString(shop)));
        mvc.perform(get("/admin/services/" + storage).with(authentication(users.authentication(admin))))
                .andExpect(content().string(Matchers.containsString("What depends on this")))
                .andExpect(content().string(Matchers.containsString(shop)));
    }

    @Test
    void aTakenNameAndACycleShowNextToTheirFields() throws Exception {
        String name = TestUsers.unique("Mail");
        String mail = register(name);
        String relay = register(TestUsers.unique("Relay"), mail);

        mvc.perform(post("/admin/services")
                        .param("name", name.toUpperCase(java.util.Locale.ROOT))
                        .param("ownerTeam", team.toString())
                        .param("criticality", "low")
                        .with(authentication(users.authentication(admin)))
                        .with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(Matchers.containsString("service-name-error")));
        mvc.perform(post("/admin/services/" + mail)
                        .param("name", name)
                        .param("ownerTeam", team.toString())
                        .param("criticality", "low")
                        .param("dependsOn", relay)
                        .param("version", "0")
                        .with(authentication(users.authentication(admin)))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("service-depends-on-error")))
                .andExpect(content().string(Matchers.containsString("cycle")));
    }

    @Test
    void anAdminRetiresAndRestoresAService() throws Exception {
        String id = register(TestUsers.unique("Fax"));
        mvc.perform(post("/admin/services/" + id + "/retirement")
                        .param("version", "0")
                        .param("retired", "true")
                        .with(authentication(users.authentication(admin)))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/services/" + id).with(authentication(users.authentication(admin))))
                .andExpect(content().string(Matchers.containsString("Restore service")));
    }

    @Test
    void anAdminChoosesTheProviderServiceAServiceRunsOnAndAChangeWithoutTheFieldKeepsIt() throws Exception {
        java.util.UUID peer = java.util.UUID.randomUUID();
        java.util.UUID offered = java.util.UUID.randomUUID();
        String storageName = TestUsers.unique("Provider storage");
        jdbc.sql("""
                insert into federation_peer (id, name, base_url, role, keys, keys_origin, state, created_at, updated_at,
                  version)
                values (?, 'Provider', ?, 'provider', '{"keys":[]}', 'pasted', 'active', now(), now(), 0)""").params(peer, "https://" + peer + ".example").update();
        jdbc.sql("insert into federation_provider_catalogue (peer_id, fetched_at) values (?, now())")
                .param(peer)
                .update();
        jdbc.sql(
                        "insert into federation_provider_service (peer_id, service_id, name, description) values (?, ?, ?, '')")
                .params(peer, offered, storageName)
                .update();
        String id = register(TestUsers.unique("Shop on storage"));

        mvc.perform(get("/admin/services/" + id).with(authentication(users.authentication(admin))))
                .andExpect(content().string(Matchers.containsString("service-provider")))
                .andExpect(content().string(Matchers.containsString(storageName)));
        change(id, 0, peer + "/" + offered).andExpect(status().is3xxRedirection());
        assertThat(provider(id)).isEqualTo(offered.toString());
        change(id, 1, null).andExpect(status().is3xxRedirection());
        assertThat(provider(id)).as("a form without the field keeps it").isEqualTo(offered.toString());
        change(id, 2, "not-a/provider")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("service-provider-error")));
        change(id, 2, "").andExpect(status().is3xxRedirection());
        assertThat(provider(id)).isNull();
    }

    private org.springframework.test.web.servlet.ResultActions change(String id, long version, String provider)
            throws Exception {
        var request = post("/admin/services/" + id)
                .param(
                        "name",
                        jdbc.sql("select name from service where id = ?::uuid")
                                .param(id)
                                .query(String.class)
                                .single())
                .param("ownerTeam", team.toString())
                .param("criticality", "high")
                .param("version", Long.toString(version))
                .with(authentication(users.authentication(admin)))
                .with(csrf());
        if (provider != null) {
            request.param("provider", provider);
        }
        return mvc.perform(request);
    }

    private String provider(String id) {
        return jdbc.sql("select provider_service_id::text from service where id = ?::uuid")
                .param(id)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    @Test
    void onlyAdminsOpenTheServicePages() throws Exception {
        TestUser handler = users.user("svc-handler", Set.of(Role.HANDLER, Role.COORDINATOR));
        mvc.perform(get("/admin/services").with(authentication(users.authentication(handler))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/services")
                        .param("name", "Nope")
                        .with(authentication(users.authentication(handler)))
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }
}
