package io.cairn.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Ids found to exist are asked for once; ids not found are asked again; memory stays within a bound. */
class KnownIdsTest {

    private final AtomicInteger lookUps = new AtomicInteger();

    private boolean existing(int id) {
        lookUps.incrementAndGet();
        return true;
    }

    private boolean missing(int id) {
        lookUps.incrementAndGet();
        return false;
    }

    @Test
    void anIdFoundToExistIsNotAskedForAgain() {
        KnownIds<Integer> known = new KnownIds<>();
        assertThat(known.exists(1, this::existing)).isTrue();
        assertThat(known.exists(1, this::existing)).isTrue();
        assertThat(lookUps).hasValue(1);
    }

    @Test
    void anIdNotFoundIsAskedForAgainSinceItMayBeCreatedMeanwhile() {
        KnownIds<Integer> known = new KnownIds<>();
        assertThat(known.exists(1, this::missing)).isFalse();
        assertThat(known.exists(1, this::existing)).isTrue();
        assertThat(lookUps).hasValue(2);
    }

    @Test
    void moreIdsThanTheBoundKeepAtMostTheBoundAndTheForgottenOnesAreAskedForAgain() {
        KnownIds<Integer> known = new KnownIds<>(100);
        IntStream.range(0, 1_000).forEach(id -> known.exists(id, this::existing));
        assertThat(known.size()).isLessThanOrEqualTo(100);

        lookUps.set(0);
        IntStream.range(0, 1_000)
                .forEach(id -> assertThat(known.exists(id, this::existing)).isTrue());
        assertThat(lookUps.get()).isGreaterThanOrEqualTo(900);
    }

    @Test
    void theDefaultBoundHoldsTenThousandIds() {
        KnownIds<Integer> known = new KnownIds<>();
        IntStream.range(0, KnownIds.MAX_IDS).forEach(id -> known.exists(id, this::existing));
        assertThat(known.size()).isEqualTo(KnownIds.MAX_IDS);
        IntStream.range(KnownIds.MAX_IDS, 2 * KnownIds.MAX_IDS).forEach(id -> known.exists(id, this::existing));
        assertThat(known.size()).isEqualTo(KnownIds.MAX_IDS);
    }
}
