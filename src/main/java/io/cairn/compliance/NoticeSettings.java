package io.cairn.compliance;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How notices to the people a breach concerns are kept and sent ({@code cairn.compliance.notice-*}).
 *
 * @param noticeRetention how long the list of people is kept after its last send (or its last import when nothing was
 *     sent); then it is erased and only its counts are kept
 * @param noticeMaxBytes the largest CSV file of people read at once
 * @param noticeMaxPeople the most people a notice goes to
 * @param noticeRate the most mails sent per second; 0 for no limit
 * @param noticeLease how long a delivery may stay claimed for sending: a claim older than this was left by a server
 *     that stopped, and becomes {@code unknown} (never sent again)
 */
@ConfigurationProperties("cairn.compliance")
record NoticeSettings(
        @Nullable Duration noticeRetention,
        @Nullable DataSize noticeMaxBytes,
        int noticeMaxPeople,
        int noticeRate,
        @Nullable Duration noticeLease) {

    NoticeSettings {
        noticeRetention = noticeRetention == null ? Duration.ofDays(180) : noticeRetention;
        noticeMaxBytes = noticeMaxBytes == null ? DataSize.ofMegabytes(8) : noticeMaxBytes;
        noticeMaxPeople = noticeMaxPeople <= 0 ? 100_000 : noticeMaxPeople;
        noticeRate = Math.max(0, noticeRate);
        noticeLease = noticeLease == null || noticeLease.isNegative() || noticeLease.isZero()
                ? Duration.ofMinutes(10)
                : noticeLease;
    }

    Duration retention() {
        return java.util.Objects.requireNonNull(noticeRetention);
    }

    Duration lease() {
        return java.util.Objects.requireNonNull(noticeLease);
    }

    long maxBytes() {
        return java.util.Objects.requireNonNull(noticeMaxBytes).toBytes();
    }
}
