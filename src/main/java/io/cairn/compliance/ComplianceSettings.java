package io.cairn.compliance;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the compliance module is set up ({@code cairn.compliance.*}).
 *
 * @param regimesDir a directory of regime files (YAML) that override shipped regimes of the same id (a national
 *     variant) or add regimes; none when unset
 */
@ConfigurationProperties("cairn.compliance")
record ComplianceSettings(@Nullable Path regimesDir) {}
