package io.github.sectrust4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Each limit is validated on its own, and a bad one is named with its unit and the value given. */
class PathBudgetTest {
    @Test
    void badLimits_areNamedWithTheirUnit() {
        assertThatThrownBy(() -> new PathBudget(0, 1, 2, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxPaths must be at least 1 path, was 0");
        assertThatThrownBy(() -> new PathBudget(1, -5, 2, 1))
                .hasMessage("maxSignatureChecks must be at least 1 signature check, was -5");
        assertThatThrownBy(() -> new PathBudget(1, 1, 1, 1))
                .hasMessage("maxDepth must be at least 2 certificates (a leaf and its issuer), was 1");
        assertThatThrownBy(() -> PathBudget.DEFAULT.withMaxVerifications(0))
                .hasMessage("maxVerifications must be at least 1 verification, was 0");
    }

    @Test
    void smallestLimitsAndDefaults() {
        PathBudget b = new PathBudget(1, 1, 2);
        assertThat(b.maxVerifications()).isEqualTo(PathBudget.DEFAULT_MAX_VERIFICATIONS);
        assertThat(b.withMaxVerifications(7)).isEqualTo(new PathBudget(1, 1, 2, 7));
        assertThat(PathBudget.DEFAULT).isEqualTo(new PathBudget(100, 1000, 102, 5_000));
    }
}
