package io.cairn.assets;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers.TestUser;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Admins register and import devices; each user sees the devices they hold; holdings are kept over time. */
class DeviceRegistryTest extends ApiClient.OnServer {

    @Autowired
    JdbcClient jdbc;

    ApiClient admin;
    ApiClient employee;
    TestUser employeeUser;
    String s;

    @BeforeEach
    void people() {
        s = Long.toString(System.nanoTime(), 36);
        admin = client(users.userNamed("it-admin-" + s, Set.of(Role.ADMIN)));
        employeeUser = users.userNamed("emma-" + s, Set.of(Role.REPORTER));
        employee = client(employeeUser);
    }

    @Test
    void anAdminImportsDevicesAndTheirHoldersSeeThem() {
        String csv = "name,kind,identifier,holder,since\r\n"
                + "Emma's laptop,laptop,SN-" + s + "-1," + employeeUser.username() + ",2026-01-15\r\n"
                + "\"Phone, work\",phone,IMEI-" + s + "," + employeeUser.username() + ",\r\n"
                + "Spare laptop,laptop,SN-" + s + "-2,,\r\n";
        ApiClient.Answer imported = admin.postText("/api/v1/devices/import", "text/csv", csv);

        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().get("registered").asInt()).isEqualTo(3);
        JsonNode mine = employee.get("/api/v1/me/devices").json();
        assertThat(mine.valueStream().map(d -> d.get("name").asString()))
                .containsExactlyInAnyOrder("Emma's laptop", "Phone, work");
    }

    @Test
    void aBadLineRefusesTheWholeFileAndNamesEachProblem() {
        String csv = "name,kind,identifier,holder\n"
                + "Good one,laptop,OK-" + s + ",\n"
                + "Bad kind,toaster,BK-" + s + ",\n"
                + "Unknown holder,phone,UH-" + s + ",nobody-" + s + "\n"
                + "Again,laptop,OK-" + s + ",\n";
        ApiClient.Answer refused = admin.postText("/api/v1/devices/import", "text/csv", csv);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json()
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString()))
                .containsExactly("line 3 kind", "line 4 holder", "line 5 identifier");
        assertThat(jdbc.sql("select count(*) from device where identifier = ?")
                        .param("OK-" + s)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aFileWithoutTheRequiredColumnsIsRefused() {
        ApiClient.Answer refused = admin.postText("/api/v1/devices/import", "text/csv", "name,serial\nx,y\n");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asString()).contains("'kind'");
    }

    @Test
    void handingOverKeepsWhoHeldTheDeviceWhen() {
        JsonNode device = admin.post(
                        "/api/v1/devices",
                        Map.of(
                                "name",
                                "Lab laptop",
                                "kind",
                                "laptop",
                                "identifier",
                                "LAB-" + s,
                                "holder",
                                employeeUser.id().toString(),
                                "holderSince",
                                "2026-02-01T08:00:00Z"))
                .json();
        String id = device.get("id").asString();
        admin.put(
                "/api/v1/devices/" + id + "/holder",
                Map.of(
                        "since",
                        "2026-06-01T08:00:00Z",
                        "version",
                        device.get("version").asLong()));

        assertThat(admin.get("/api/v1/devices/" + id + "/holder?at=2026-03-01T00:00:00Z")
                        .json()
                        .get("holder")
                        .asString())
                .isEqualTo(employeeUser.id().toString());
        assertThat(admin.get("/api/v1/devices/" + id + "/holder?at=2026-07-01T00:00:00Z")
                        .json()
                        .get("holder")
                        .isNull())
                .isTrue();
        assertThat(admin.get("/api/v1/devices/" + id + "/holdings")
                        .json()
                        .get(0)
                        .get("until")
                        .asString())
                .isEqualTo("2026-06-01T08:00:00Z");
        assertThat(employee.get("/api/v1/me/devices").json().size()).isZero();
    }

    @Test
    void aDuplicateIdentifierIsNamed() {
        admin.post("/api/v1/devices", Map.of("name", "A", "kind", "desktop", "identifier", "DUP-" + s));
        ApiClient.Answer again =
                admin.post("/api/v1/devices", Map.of("name", "B", "kind", "desktop", "identifier", "dup-" + s));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("errors").get(0).get("field").asString()).isEqualTo("identifier");
    }

    @Test
    void onlyAdminsRegisterAndOnlyStaffBrowseTheRegistry() {
        assertThat(employee.post("/api/v1/devices", Map.of("name", "Mine", "kind", "phone", "identifier", "X-" + s))
                        .status())
                .isEqualTo(403);
        assertThat(employee.postText("/api/v1/devices/import", "text/csv", "name,kind,identifier\n")
                        .status())
                .isEqualTo(403);
        assertThat(employee.get("/api/v1/devices").status()).isEqualTo(403);
    }
}
