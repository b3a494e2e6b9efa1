package io.cairn.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.Axe;
import io.cairn.Browser;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers.TestUser;
import io.cairn.incidents.NewIncident;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The main pages checked by axe-core (WCAG 2 A and AA rules) in a real browser, on a desktop and on a phone: no
 * serious or critical problem, such as a field without a label or text without enough contrast; and nothing that
 * sticks out sideways on a 360 px wide phone.
 */
class AccessibilityBrowserTest extends Browser.OnServer {

    @Test
    void theMainPagesHaveNoSeriousAccessibilityProblems() {
        TestUser admin = users.user("admin", Set.of(Role.ADMIN, Role.HANDLER, Role.AUDITOR));
        var incident = users.as(
                admin,
                () -> incidents
                        .report(NewIncident.of("Suspicious login from abroad", "Seen in the VPN log."))
                        .orRefuse());

        assertThat(problems(browser.open("/login"))).as("/login").isEmpty();
        browser.signIn(admin);
        for (String page : List.of("/incidents", "/incidents/new", "/incidents/" + incident.id())) {
            assertThat(problems(browser.phone().open(page)))
                    .as(page + " on a phone")
                    .isEmpty();
            assertThat(browser.smallPhone().open(page).overflowsSideways())
                    .as(page + " at 360 px")
                    .isFalse();
        }
        for (String page : List.of("/admin/users", "/admin/peers", "/audit", "/account/tokens")) {
            assertThat(browser.smallPhone().open(page).overflowsSideways())
                    .as(page + " at 360 px")
                    .isFalse();
        }
        browser.desktop();
        for (String page : List.of(
                "/incidents",
                "/incidents/new",
                "/incidents/" + incident.id(),
                "/admin/users",
                "/admin/users/new",
                "/admin/peers",
                "/audit",
                "/account/tokens",
                "/account/password")) {
            assertThat(problems(browser.open(page))).as(page + " on a desktop").isEmpty();
        }
    }

    private static List<String> problems(Browser browser) {
        return Axe.seriousProblems(browser);
    }
}
