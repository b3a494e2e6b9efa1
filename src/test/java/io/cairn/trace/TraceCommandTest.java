package io.cairn.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chain auditor's command without any hop: it makes a key that stays private, refuses wrong use with the reason
 * and exit status 2, and reports a trail that stopped before the origin as broken (exit status 1).
 */
class TraceCommandTest {

    @TempDir
    Path files;

    private record Run(int status, String out) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int status = TraceCommand.run(args, print, print);
        return new Run(status, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aNewKeyIsWrittenForTheAuditorOnlyAndItsPublicSetIsPrintedToConfigureAtEachHop() throws Exception {
        Path key = files.resolve("auditor.jwk");

        Run made = run("--new-key", key.toString());

        assertThat(made.status()).as(made.out()).isZero();
        JWK written = JWK.parse(Files.readString(key));
        assertThat(written.isPrivate()).isTrue();
        assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String printed = made.out().substring(made.out().indexOf('{'));
        JWK published = JWKSet.parse(printed).getKeys().get(0);
        assertThat(published.isPrivate()).isFalse();
        assertThat(AuditorKeys.keyId(published)).isEqualTo(AuditorKeys.keyId(written));

        Run again = run("--new-key", key.toString());
        assertThat(again.status()).isEqualTo(2);
        assertThat(again.out()).contains("exists: a new key does not overwrite a key");
    }

    @Test
    void wrongUseIsRefusedWithTheReasonAndTheUsage() throws Exception {
        assertThat(run("--url").out()).contains("expected --option value");
        assertThat(run("--colour", "red").out()).contains("unknown option --colour");
        assertThat(run(
                        "--url",
                        "http://127.0.0.1:1",
                        "--incident",
                        UUID.randomUUID().toString()))
                .satisfies(r -> assertThat(r.status()).isEqualTo(2))
                .satisfies(
                        r -> assertThat(r.out()).contains("--key is required").contains("Usage:"));
        Path notAKey = files.resolve("public.jwk");
        run("--new-key", files.resolve("k.jwk").toString());
        Files.writeString(
                notAKey,
                JWK.parse(Files.readString(files.resolve("k.jwk")))
                        .toPublicJWK()
                        .toJSONString());
        Run publicOnly = run(
                "--key",
                notAKey.toString(),
                "--url",
                "http://127.0.0.1:1",
                "--incident",
                UUID.randomUUID().toString());
        assertThat(publicOnly.status()).isEqualTo(2);
        assertThat(publicOnly.out()).contains("holds no private EC P-256 or RSA key");
    }

    @Test
    void aHopThatDoesNotAnswerEndsTheTrailAsBrokenThere() throws Exception {
        Path key = files.resolve("auditor.jwk");
        run("--new-key", key.toString());

        Run walked = run(
                "--key",
                key.toString(),
                "--url",
                "http://127.0.0.1:1/",
                "--incident",
                UUID.randomUUID().toString());

        assertThat(walked.status()).isEqualTo(1);
        assertThat(walked.out())
                .contains("the walk stopped: http://127.0.0.1:1/federation/v1/trace/incidents/")
                .contains("did not answer")
                .contains("The trail breaks at hop 1: http://127.0.0.1:1");
    }

    @Test
    void anExportedTrailIsCheckedWithoutAKey() throws Exception {
        Path trail = files.resolve("trail.json");
        Files.writeString(
                trail,
                ChainWalk.JSON.writeValueAsString(new ChainTrail(
                        "https://saas.example", UUID.randomUUID(), Instant.now(), List.of(), "it answered 404")));

        Run checked = run("--check", trail.toString());

        assertThat(checked.status()).isEqualTo(1);
        assertThat(checked.out()).contains("the walk stopped: it answered 404");
        Files.writeString(trail, "{not json");
        assertThat(run("--check", trail.toString()).status()).isEqualTo(2);
    }
}
