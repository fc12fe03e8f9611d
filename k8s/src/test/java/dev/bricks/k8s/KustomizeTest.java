package dev.bricks.k8s;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KustomizeTest {

    @Test
    void onCiAMissingKubectlFailsInsteadOfSkippingTheRenderedChecks() {
        assertTrue(Kustomize.required(Map.of("CI", "true")));
        assertTrue(Kustomize.required(Map.of("CI", "TRUE")));
    }

    @Test
    void onADeveloperMachineAMissingKubectlOnlySkipsThem() {
        assertFalse(Kustomize.required(Map.of()));
        assertFalse(Kustomize.required(Map.of("CI", "false")));
    }
}
