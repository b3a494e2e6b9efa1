package io.cairn.risks;

import java.util.Optional;
import java.util.UUID;

/**
 * Something another module keeps that raises risks from its findings, such as a run of a security procedure. The
 * register keeps which risk each raised and asks the source, as the reader, what to show of it: the register never
 * depends on the module that implements this.
 */
public interface RiskSource {

    /** The kind of thing, as paths name it: lower-case letters and hyphens, such as {@code procedure-run}. */
    String kind();

    /** The thing as the signed-in user sees it, if it exists and they may read it. */
    Optional<RiskOrigin> find(UUID id);
}
