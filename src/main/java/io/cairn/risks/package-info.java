/**
 * Risks: the risk register, each risk with its likelihood and impact on configured scales, its severity from the
 * configured matrix, its owner, treatment, residual assessment, mitigation target date and status.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"assets", "incidents", "incidents::system", "identity", "knowledge", "shared"})
@org.jspecify.annotations.NullMarked
package io.cairn.risks;
