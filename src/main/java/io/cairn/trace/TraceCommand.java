package io.cairn.trace;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.cairn.audit.CosignerKey;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.core.JacksonException;

/**
 * The chain auditor's command, {@code java -jar cairn.jar trace ...}: walks an incident back to its origin with the
 * auditor's private key, which never leaves this machine, checks the trail and prints it hop by hop, or the exact hop
 * where it breaks; checks a trail exported before; or makes an auditor key. Exit status 0: the trail reaches the
 * origin and holds at every hop; 1: it breaks; 2: the command was used wrongly.
 */
public final class TraceCommand {

    static final String USAGE = """
            Usage:
              trace --key auditor.jwk --url <hop base URL> --incident <incident id at that hop>
                    [--out trail.json] [--witness-key <C2SP cosigner key>]... [--min-cosignatures <n, default 1>]
                  walks the incident back to its origin and checks every hop
              trace --check trail.json [--witness-key <key>]... [--min-cosignatures <n>]
                  checks a trail written by --out, without any key
              trace --new-key auditor.jwk
                  makes an auditor key (EC P-256) and prints the public key set to configure at each hop as
                  cairn.federation.chain-auditor-keys
            """;

    private TraceCommand() {}

    /** Runs the command with these arguments (those after {@code trace}); answers the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Map<String, List<String>> options = options(args);
            if (options.containsKey("new-key")) {
                return newKey(Path.of(one(options, "new-key")), out);
            }
            int minCosignatures = Integer.parseInt(
                    options.getOrDefault("min-cosignatures", List.of("1")).get(0));
            if (minCosignatures < 0) {
                throw new IllegalArgumentException("--min-cosignatures must be 0 or more");
            }
            ChainTrail trail = options.containsKey("check")
                    ? ChainWalk.JSON.readValue(Files.readString(Path.of(one(options, "check"))), ChainTrail.class)
                    : walked(options);
            ChainTrailCheck.Verdict verdict = ChainTrailCheck.check(trail, witnesses(options), minCosignatures);
            print(trail, verdict, out);
            return verdict.complete() ? 0 : 1;
        } catch (IllegalArgumentException | IOException | JacksonException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        }
    }

    /** Walks the incident with the auditor's key, and writes the trail to {@code --out} when asked. */
    private static ChainTrail walked(Map<String, List<String>> options) throws IOException {
        JWK key = auditorKey(Path.of(one(options, "key")));
        UUID incident = UUID.fromString(one(options, "incident"));
        ChainTrail trail = new ChainWalk(
                        new HopClient(key, AuditorKeys.keyId(key), Clock.systemUTC()), key, Clock.systemUTC())
                .walk(one(options, "url"), incident);
        if (options.containsKey("out")) {
            Files.writeString(
                    Path.of(one(options, "out")),
                    ChainWalk.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(trail));
        }
        return trail;
    }

    /** The witness keys given with {@code --witness-key}. */
    private static List<CosignerKey> witnesses(Map<String, List<String>> options) {
        List<CosignerKey> witnesses = new ArrayList<>();
        for (String encoded : options.getOrDefault("witness-key", List.of())) {
            witnesses.add(CosignerKey.parse(encoded)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "--witness-key " + encoded + " is no C2SP Ed25519 cosigner key")));
        }
        return witnesses;
    }

    /** Prints the trail as the check found it. */
    static void print(ChainTrail trail, ChainTrailCheck.Verdict verdict, PrintStream out) {
        out.println("Trace of incident " + trail.incident() + " at " + trail.startUrl() + ", " + trail.tracedAt());
        for (int k = 0; k < verdict.hops().size(); k++) {
            ChainTrailCheck.HopVerdict hop = verdict.hops().get(k);
            out.println();
            out.println("hop " + (k + 1) + (hop.origin() ? " (origin)" : "") + ": " + hop.url());
            hop.held().forEach(found -> out.println("  ok      " + found.english()));
            TrailFinding.Found problem = hop.problem();
            if (problem != null) {
                out.println("  BROKEN  " + problem.english());
            }
        }
        out.println();
        String stopped = trail.stoppedBecause();
        Integer broken = verdict.brokenAt();
        TrailFinding.Found problem =
                broken == null ? null : verdict.hops().get(broken).problem();
        if (stopped != null && (problem == null || problem.finding() != TrailFinding.WALK_STOPPED)) {
            out.println("The walk itself stopped before the origin: " + stopped);
        }
        if (verdict.complete()) {
            out.println("The trail holds at every hop, back to the origin: "
                    + verdict.hops().size() + " hops.");
        } else {
            Integer at = verdict.brokenAt();
            out.println("The trail breaks at hop " + (at == null ? "?" : at + 1) + ": "
                    + (at == null ? "" : verdict.hops().get(at).url()));
        }
    }

    private static int newKey(Path file, PrintStream out) throws IOException {
        if (Files.exists(file)) {
            throw new IllegalArgumentException(file + " exists: a new key does not overwrite a key");
        }
        ECKey key;
        try {
            key = new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("no EC P-256 key: " + e.getMessage(), e);
        }
        Files.createFile(file);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // a file system without POSIX permissions: the auditor keeps the file safe by other means
        }
        Files.writeString(file, key.toJSONString(), StandardCharsets.UTF_8);
        out.println("Wrote the auditor's private key to " + file + ". Keep it on this machine.");
        out.println("Configure this public key set at each hop as cairn.federation.chain-auditor-keys:");
        out.println(new JWKSet(key.toPublicJWK()).toString(true));
        return 0;
    }

    private static JWK auditorKey(Path file) throws IOException {
        try {
            JWK key = JWK.parse(Files.readString(file));
            if (!key.isPrivate()
                    || !(key instanceof RSAKey || (key instanceof ECKey ec && ec.getCurve() == Curve.P_256))) {
                throw new IllegalArgumentException(
                        file + " holds no private EC P-256 or RSA key: the auditor's own private JWK is needed");
            }
            return key;
        } catch (ParseException e) {
            throw new IllegalArgumentException(file + " is not a JWK: " + e.getMessage(), e);
        }
    }

    private static Map<String, List<String>> options(String[] args) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("expected --option value, got '" + args[i] + "'");
            }
            String name = args[i].substring(2);
            if (!List.of("key", "url", "incident", "out", "witness-key", "min-cosignatures", "check", "new-key")
                    .contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
            options.computeIfAbsent(name, n -> new ArrayList<>()).add(args[++i]);
        }
        return options;
    }

    private static String one(Map<String, List<String>> options, String name) {
        List<String> values = Optional.ofNullable(options.get(name))
                .orElseThrow(() -> new IllegalArgumentException("--" + name + " is required"));
        if (values.size() != 1) {
            throw new IllegalArgumentException("--" + name + " is given more than once");
        }
        return values.get(0);
    }
}
