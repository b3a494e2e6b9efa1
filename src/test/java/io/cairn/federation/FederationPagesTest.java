package io.cairn.federation;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.cairn.Pages;
import io.cairn.identity.Role;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;

/** The admins' peer pages: register, change, suspend, resume and remove, rotate the key, each problem at its field. */
class FederationPagesTest extends Pages.OnServer {

    @Autowired
    JdbcClient jdbc;

    Authentication admin;
    String suffix;
    String keys;

    @BeforeEach
    void anAdmin() throws Exception {
        admin = users.authentication(users.user("admin", Set.of(Role.ADMIN)));
        suffix = Long.toString(System.nanoTime(), 36);
        keys = new JWKSet(new ECKeyGenerator(Curve.P_256)
                        .keyIDFromThumbprint(true)
                        .generate()
                        .toPublicJWK())
                .toString();
    }

    @Test
    void onlyAdminsMayOpenOrUseThePages() throws Exception {
        Authentication other =
                users.authentication(users.user("coordinator", Set.of(Role.COORDINATOR, Role.HANDLER, Role.AUDITOR)));

        mvc.perform(get("/admin/peers").with(authentication(other))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/peers")
                        .param("name", "Mine")
                        .param("baseUrl", "https://mine.example")
                        .with(authentication(other))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/peers/keys/rotation")
                        .with(authentication(other))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/peers").with(authentication(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("This instance&#39;s signing keys")));
    }

    @Test
    void anAdminRegistersChangesSuspendsResumesAndRemovesAPeer() throws Exception {
        String name = "Provider " + suffix;
        mvc.perform(post("/admin/peers")
                        .param("name", name)
                        .param("baseUrl", "https://provider-" + suffix + ".example/")
                        .param("role", "provider")
                        .param("keys", keys)
                        .with(authentication(admin))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/peers"))
                .andExpect(flash().attribute("notice", "Peer " + name + " was registered."));
        String id = jdbc.sql("select id::text from federation_peer where name = ?")
                .param(name)
                .query(String.class)
                .single();
        String page = "/admin/peers/" + id;
        mvc.perform(get("/admin/peers").with(authentication(admin)))
                .andExpect(content().string(Matchers.containsString(name)))
                .andExpect(content().string(Matchers.containsString("1 key, pasted")));

        mvc.perform(post(page)
                        .param("name", name + " B.V.")
                        .param("baseUrl", "https://provider-" + suffix + ".example")
                        .param("role", "customer")
                        .param("version", "0")
                        .with(authentication(admin))
                        .with(csrf()))
                .andExpect(redirectedUrl(page));
        mvc.perform(post(page + "/suspension")
                        .param("suspended", "true")
                        .param("version", "1")
                        .with(authentication(admin))
                        .with(csrf()))
                .andExpect(redirectedUrl(page));
        mvc.perform(get(page).with(authentication(admin)))
                .andExpect(content().string(Matchers.containsString("Suspended")))
                .andExpect(content().string(Matchers.containsString("Resume peer")));
        mvc.perform(post(page + "/suspension")
                        .param("suspended", "false")
                        .param("version", "2")
                        .with(authentication(admin))
                        .with(csrf()))
                .andExpect(redirectedUrl(page));
        mvc.perform(post(page + "/removal")
                        .param("version", "3")
                        .with(authentication(admin))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/peers"));
        mvc.perform(get(page).with(authentication(admin))).andExpect(status().isNotFound());
    }

    @Test
    void showsEachProblemNextToItsFieldInDutch() throws Exception {
        mvc.perform(post("/admin/peers")
                        .param("lang", "nl")
                        .param("name", "")
                        .param("baseUrl", "https://provider.example/?tenant=7")
                        .param("role", "provider")
                        .param("keys", "{\"keys\":[]}")
                        .with(authentication(admin))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .string(Matchers.containsString(
                                "id=\"peer-base-url-error\">Mag geen zoekdeel (?...) hebben</small>")))
                .andExpect(
                        content().string(Matchers.containsString("id=\"peer-keys-error\">Bevat geen sleutel</small>")))
                .andExpect(content().string(Matchers.containsString("id=\"peer-name-error\"")));
    }

    @Test
    void aRotationOfAKeyThatIsNoLongerActiveSaysSo() throws Exception {
        mvc.perform(post("/admin/peers/keys/rotation")
                        .param("activeKid", "an-old-key")
                        .with(authentication(admin))
                        .with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(Matchers.containsString("Someone else changed this")));
    }

    @Test
    void aPeersPageSaysHowItsTrailIsWitnessedAndAWitnessRoundThatFailsSaysWhy() throws Exception {
        String name = "Witnessed " + suffix;
        mvc.perform(post("/admin/peers")
                        .param("name", name)
                        .param("baseUrl", "https://witnessed-" + suffix + ".invalid")
                        .param("role", "customer")
                        .param("keys", keys)
                        .with(authentication(admin))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/peers"));
        String id = jdbc.sql("select id::text from federation_peer where name = ?")
                .param(name)
                .query(String.class)
                .single();

        mvc.perform(get("/admin/peers/" + id).with(authentication(admin)))
                .andExpect(content().string(Matchers.containsString("/admin/peers/" + id + "/witnessing")));
        mvc.perform(get("/admin/peers/" + id + "/witnessing").with(authentication(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Not witnessed yet")));
        mvc.perform(get("/admin/peers/" + id + "/witnessing?lang=nl").with(authentication(admin)))
                .andExpect(content().string(Matchers.containsString("Nog niet bevestigd")));
        mvc.perform(post("/admin/peers/" + id + "/witnessing")
                        .with(authentication(admin))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("notice error")))
                .andExpect(content().string(Matchers.containsString("witnessed-" + suffix + ".invalid")));
        mvc.perform(post("/admin/peers/" + id + "/witnessing?lang=nl")
                        .with(authentication(admin))
                        .with(csrf()))
                .andExpect(content().string(Matchers.containsString("antwoordde niet")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("did not answer"))));
        mvc.perform(post("/admin/peers/" + id + "/witnessing")
                        .with(authentication(users.authentication(users.user("auditor", Set.of(Role.AUDITOR)))))
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }
}
