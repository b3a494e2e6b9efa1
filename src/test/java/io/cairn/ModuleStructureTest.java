package io.cairn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModuleStructureTest {

    private final ApplicationModules modules = ApplicationModules.of(CairnApplication.class);

    @Test
    void modulesDependOnlyOnWhatDesignAllows() {
        modules.verify();
    }

    @Test
    void everyModuleOfTheFoundationIsThere() {
        assertThat(modules.stream().map(module -> module.getIdentifier().toString()))
                .contains("shared", "platform", "identity", "incidents", "audit");
    }
}
