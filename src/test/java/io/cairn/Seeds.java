package io.cairn;

import java.security.SecureRandom;

/**
 * Seeds of tests over random cases: a new seed for each run, or the one given as {@code -Dcairn.seed=...}, so that
 * a failure, whose message names its seed, can be replayed ({@code ./mvnw test -Dtest=SlaClockTest
 * -Dcairn.seed=...}).
 */
public final class Seeds {

    private static final SecureRandom seeds = new SecureRandom();

    private Seeds() {}

    /** The seed of this run: {@code cairn.seed} when given, otherwise a new one. */
    public static long next() {
        Long given = Long.getLong("cairn.seed");
        return given != null ? given : seeds.nextLong();
    }

    /** How a failure message names the seed and the way to replay it. */
    public static String replay(long seed) {
        return "seed " + seed + " (replay with -Dcairn.seed=" + seed + ")";
    }
}
