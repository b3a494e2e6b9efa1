package io.cairn.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.RawHttp;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers.TestUser;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the server answers requests it cannot carry out because of how they were sent: under {@code /api} always a
 * problem detail that says what is wrong, on pages Cairn's error page, and never a session for a refused call.
 */
class ErrorAnswersTest extends ApiClient.OnServer {

    private RawHttp http;
    private TestUser handler;
    private String incident;

    @BeforeEach
    void aHandlerWithAnIncident() {
        http = new RawHttp(port);
        handler = users.user("handler", Set.of(Role.HANDLER));
        incident = client(handler)
                .post("/api/v1/incidents", Map.of("title", "Errors", "description", "errors"))
                .json()
                .get("id")
                .asString();
    }

    @Test
    void theApiAnswersAddressesTomcatRefusesWithAProblemSayingWhy() {
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("/api/v1/incidents/<x>", "a character that must be percent-encoded ('<')");
        refused.put("/api/v1/incidents/%00", "an encoded NUL (%00)");
        refused.put("/api/v1/incidents/a%2Fb", "an encoded slash (%2F)");
        refused.put("/api/v1/incidents/a%5Cb", "an encoded backslash (%5C)");
        refused.put("/api/v1/incidents/" + "a".repeat(100_000), "longer than the server accepts");
        refused.put("/api/v1/incidents?q=" + "a".repeat(100_000), "longer than the server accepts");
        refused.forEach((target, why) -> {
            RawHttp.Answer answer = get(target, "application/json", null);
            assertThat(answer.status()).as(target).isEqualTo(400);
            assertThat(answer.header("content-type")).as(target).startsWith("application/problem+json");
            assertThat(answer.json().get("detail").asString()).as(target).contains(why);
        });
        RawHttp.Answer notAnId = get("/api/v1/incidents/%3C", "application/json", handler.token());
        assertThat(notAnId.json().get("detail").asString()).isEqualTo("id: '<' is not a valid id (a UUID)");
    }

    @Test
    void pagesAnswerThemWithCairnsErrorPageInTheReadersLanguage() {
        for (String target : new String[] {"/knowledge/..%2f..", "/incidents/%00", "/incidents/<x>"}) {
            RawHttp.Answer answer = get(target, "text/html", null);
            assertThat(answer.status()).as(target).isEqualTo(400);
            assertThat(answer.header("content-type")).as(target).startsWith("text/html");
            assertThat(answer.text())
                    .as(target)
                    .contains("class=\"container narrow error-page\"")
                    .contains("This request could not be handled")
                    .doesNotContain("Tomcat");
        }
        Map<String, String> dutch = Map.of("Accept", "text/html", "Accept-Language", "nl-NL,nl;q=0.9");
        assertThat(http.send("GET", "/incidents/%00", dutch, null).text())
                .contains("Dit verzoek kan niet worden verwerkt");
    }

    @Test
    void aWrongMethodOrContentTypeIsNamedWithWhatTheAddressTakes() {
        ApiClient api = client(handler);
        ApiClient.Answer method = api.delete("/api/v1/incidents");
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.json().get("detail").asString())
                .startsWith("this address does not accept DELETE; it " + "accepts ");
        assertThat(method.json().get("instance").asString()).isEqualTo("/api/v1/incidents");
        assertThat(method.header("Allow")).contains("POST");

        ApiClient.Answer json = api.post("/api/v1/incidents/" + incident + "/attachments", Map.of());
        assertThat(json.status()).isEqualTo(415);
        assertThat(json.json().get("detail").asString())
                .isEqualTo("the body is sent as application/json; send it " + "as multipart/form-data");

        ApiClient.Answer text = api.postText("/api/v1/incidents", "text/plain", "a report");
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.json().get("detail").asString()).contains("send it as application/json");

        ApiClient.Answer parameter = api.get("/api/v1/devices/" + java.util.UUID.randomUUID() + "/holder");
        assertThat(parameter.status()).isEqualTo(400);
        assertThat(parameter.json().get("detail").asString()).isEqualTo("at: is required (a query parameter)");
    }

    @Test
    void anUploadThatCannotBeReadIsRefusedSayingWhatIsWrongWithIt() {
        for (String path :
                new String[] {"/api/v1/incidents/" + incident + "/attachments", "/api/v1/public/follow-up/attachments"
                }) {
            String code = path.contains("public") ? part("code", null, "AAAA-BBBB-CCCC") : "";
            String file = part("file", "note.txt", "hello");
            String end = "--b0undary--\r\n";

            RawHttp.Answer noBoundary = upload(path, "multipart/form-data", code + file + end);
            assertThat(noBoundary.status()).as(path).isEqualTo(400);
            assertThat(noBoundary.json().get("detail").asString()).contains("names no boundary");

            RawHttp.Answer truncated = upload(path, null, (code + file).substring(0, (code + file).length() - 9));
            assertThat(truncated.status()).as(path).isEqualTo(400);
            assertThat(truncated.json().get("detail").asString()).contains("truncated or malformed");

            RawHttp.Answer nul = upload(path, null, code + part("file", "a\u0000.txt", "hello") + end);
            assertThat(nul.status()).as(path).isEqualTo(400);
            assertThat(nul.json().get("detail").asString()).isEqualTo("file: the file name holds a NUL character");

            RawHttp.Answer longName = upload(path, null, code + part("file", "a".repeat(100_000), "hello") + end);
            assertThat(longName.status()).as(path).isEqualTo(400);
            assertThat(longName.json().get("detail").asString())
                    .startsWith(
                            "file: the headers of a part, its file " + "name among them, are longer than the limit");
        }
    }

    @Test
    void aRefusedCallOpensNoSession() {
        Map<String, RawHttp.Answer> answers = new LinkedHashMap<>();
        answers.put("GET without a token", http.send("GET", "/api/v1/incidents", Map.of(), null));
        answers.put(
                "GET with a forged token",
                http.send("GET", "/api/v1/incidents", Map.of("Authorization", "Bearer cairn_forged"), null));
        answers.put(
                "GET with a password",
                http.send("GET", "/api/v1/me", Map.of("Authorization", "Basic YWRtaW46YWRtaW4="), null));
        answers.put(
                "POST without a token",
                http.send(
                        "POST",
                        "/api/v1/incidents",
                        Map.of("Content-Type", "application/json"),
                        "{}".getBytes(StandardCharsets.UTF_8)));
        answers.forEach((call, answer) -> {
            assertThat(answer.status()).as(call).isIn(401, 403);
            assertThat(answer.header("content-type")).as(call).startsWith("application/problem+json");
            assertThat(answer.header("set-cookie")).as(call).isEmpty();
        });
    }

    private RawHttp.Answer get(String target, String accept, @Nullable String token) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", accept);
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        return http.send("GET", target, headers, null);
    }

    private RawHttp.Answer upload(String path, @Nullable String contentType, String body) {
        return http.send(
                "POST",
                path,
                Map.of(
                        "Authorization",
                        "Bearer " + handler.token(),
                        "Content-Type",
                        contentType == null ? "multipart/form-data; boundary=b0undary" : contentType),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static String part(String name, @Nullable String filename, String content) {
        return "--b0undary\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (filename == null ? "" : "; filename=\"" + filename + "\"\r\nContent-Type: text/plain")
                + "\r\n\r\n" + content + "\r\n";
    }
}
