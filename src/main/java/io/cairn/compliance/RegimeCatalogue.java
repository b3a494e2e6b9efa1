package io.cairn.compliance;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The regimes in force: the shipped ones ({@code compliance/regimes/*.yaml}), each replaced by a file of the same id in
 * the admin's directory ({@code cairn.compliance.regimes-dir}), plus the regimes that directory adds. A file that is
 * refused changes nothing: what it gave the last load stays in force (at start, the shipped regime), and the refusals
 * of the last load are kept for the admins to see and logged.
 */
@Component
class RegimeCatalogue {

    private static final Log log = LogFactory.getLog(RegimeCatalogue.class);
    private static final String SHIPPED = "classpath*:compliance/regimes/*.yaml";

    /** Where a regime in force comes from. */
    enum Source {
        SHIPPED,
        OVERRIDE
    }

    /** A regime in force, with where it comes from: the file's name, and whether it replaces a shipped one. */
    record InForce(Regime regime, Source source, String file, boolean replacesShipped) {}

    /** What a load gave: the regimes in force by id, and the refusals of the files it could not take. */
    record Load(Map<RegimeId, InForce> regimes, List<RegimeProblem> refusals, Instant at) {

        Load {
            regimes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(regimes));
            refusals = List.copyOf(refusals);
        }
    }

    private final ComplianceSettings settings;
    private final Clock clock;
    private volatile Load current;

    RegimeCatalogue(ComplianceSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.current = new Load(Map.of(), List.of(), clock.instant());
        reload();
    }

    /** The last load. */
    Load current() {
        return current;
    }

    /** The regime in force of the id. */
    Optional<InForce> find(RegimeId id) {
        return Optional.ofNullable(current.regimes().get(id));
    }

    /** Reads the shipped files and the admin's directory again; a refused file keeps what it gave before. */
    synchronized Load reload() {
        Load before = current;
        List<RegimeProblem> refusals = new ArrayList<>();
        Map<RegimeId, InForce> regimes = new LinkedHashMap<>();
        for (Resource resource : shipped()) {
            String file = String.valueOf(resource.getFilename());
            read(file, resource, refusals)
                    .ifPresent(regime -> regimes.put(regime.id(), new InForce(regime, Source.SHIPPED, file, false)));
        }
        Map<RegimeId, InForce> overrides = overrides(before, refusals);
        overrides.forEach((id, override) -> regimes.put(
                id, new InForce(override.regime(), Source.OVERRIDE, override.file(), regimes.containsKey(id))));
        Load load = new Load(sorted(regimes), refusals, clock.instant());
        current = load;
        refusals.forEach(problem -> log.warn("Regime file refused: " + problem));
        log.info("Regimes in force: "
                + String.join(
                        ", ",
                        load.regimes().keySet().stream().map(RegimeId::value).toList()));
        return load;
    }

    private Map<RegimeId, InForce> overrides(Load before, List<RegimeProblem> refusals) {
        Map<RegimeId, InForce> overrides = new LinkedHashMap<>();
        Path directory = settings.regimesDir();
        if (directory == null) {
            return overrides;
        }
        if (!Files.isDirectory(directory)) {
            refusals.add(RegimeProblem.of(directory.toString(), 0, 0, ComplianceRefusals.NO_DIRECTORY));
            keepAll(before, overrides);
            return overrides;
        }
        for (Path path : files(directory, refusals)) {
            String file = path.getFileName().toString();
            Optional<Regime> regime = read(file, path, refusals);
            if (regime.isPresent() && overrides.containsKey(regime.get().id())) {
                refusals.add(RegimeProblem.of(
                        file,
                        1,
                        1,
                        ComplianceRefusals.REGIME_TWICE,
                        regime.get().id().value(),
                        overrides.get(regime.get().id()).file()));
            } else if (regime.isPresent()) {
                overrides.put(regime.get().id(), new InForce(regime.get(), Source.OVERRIDE, file, false));
            } else {
                kept(before, file)
                        .ifPresent(earlier ->
                                overrides.putIfAbsent(earlier.regime().id(), earlier));
            }
        }
        return overrides;
    }

    private static void keepAll(Load before, Map<RegimeId, InForce> overrides) {
        before.regimes().values().stream()
                .filter(regime -> regime.source() == Source.OVERRIDE)
                .forEach(regime -> overrides.put(regime.regime().id(), regime));
    }

    /** What the refused file gave the last load, which stays in force. */
    private static Optional<InForce> kept(Load before, String file) {
        return before.regimes().values().stream()
                .filter(regime ->
                        regime.source() == Source.OVERRIDE && regime.file().equals(file))
                .findFirst();
    }

    private static List<Path> files(Path directory, List<RegimeProblem> refusals) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(Files::isRegularFile)
                    .filter(path ->
                            path.toString().endsWith(".yaml") || path.toString().endsWith(".yml"))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            refusals.add(RegimeProblem.of(
                    directory.toString(), 0, 0, ComplianceRefusals.UNREADABLE, String.valueOf(e.getMessage())));
            return List.of();
        }
    }

    private static Resource[] shipped() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(SHIPPED);
            Arrays.sort(resources, Comparator.comparing(resource -> String.valueOf(resource.getFilename())));
            return resources;
        } catch (IOException e) {
            throw new IllegalStateException("the shipped regimes cannot be listed", e);
        }
    }

    private static Optional<Regime> read(String file, Resource resource, List<RegimeProblem> refusals) {
        try (Reader text = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            return read(file, text, refusals);
        } catch (IOException e) {
            refusals.add(RegimeProblem.of(file, 0, 0, ComplianceRefusals.UNREADABLE, String.valueOf(e.getMessage())));
            return Optional.empty();
        }
    }

    private static Optional<Regime> read(String file, Path path, List<RegimeProblem> refusals) {
        try (Reader text = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return read(file, text, refusals);
        } catch (IOException | RuntimeException e) {
            refusals.add(RegimeProblem.of(file, 0, 0, ComplianceRefusals.UNREADABLE, String.valueOf(e.getMessage())));
            return Optional.empty();
        }
    }

    private static Optional<Regime> read(String file, Reader text, List<RegimeProblem> refusals) {
        RegimeReading.Read read = RegimeReading.read(file, text);
        refusals.addAll(read.problems());
        return read.regime();
    }

    private static Map<RegimeId, InForce> sorted(Map<RegimeId, InForce> regimes) {
        Map<RegimeId, InForce> sorted = new LinkedHashMap<>();
        regimes.keySet().stream()
                .sorted(Comparator.comparing(RegimeId::value))
                .forEach(id -> sorted.put(id, regimes.get(id)));
        return sorted;
    }
}
