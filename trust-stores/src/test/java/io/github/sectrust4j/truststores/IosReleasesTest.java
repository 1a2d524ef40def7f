package io.github.sectrust4j.truststores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** iOS release → trust-store version, spec §11.6. */
class IosReleasesTest {

    @ParameterizedTest(name = "iOS {0} -> {1}")
    @CsvSource({
        "8.3, 2015032000",
        "8.4, 2015051300",
        "8.4.1, 2015051300",
        "9.0, 2015071300",
        "9.1, 2015090100",
        "9.3.5, 2015111600",
        "10.0, 2016060200",
        "10.2, 2016102100",
        "10.3.3, 2016102100",
        "11.0, 2017060700",
        "11.3, 2017081600",
        "11.4, 2018040200",
        "12.0, 2018071800",
        "12.1, 2018102200",
        "12.1.1, 2018121000",
        "12.1.4, 2018121000",
        "12.4, 2018121000",
        "13.3, 2018121000",
        "13.4, 2020020700",
        "13.7, 2020020700",
        "14.0, 2020082800",
        "14.5, 2021021100",
        "14.8, 2021060900",
        "15.3, 2021072200",
        "15.4, 2022012800",
        "15.7, 2022031500",
        "16.4, 2022070700",
        "16.5, 2023032800",
        "17, 2023071300",
        "17.3, 2023071300",
        "17.4, 2024013100",
        "17.4.1, 2024013100",
        "17.6, 2024040500",
        "18.0, 2024051500",
        "18.3.2, 2024051500",
        "18.4, 2025022600",
        "18.5, 2025031200",
        "18.6.2, 2025031200",
        "26.0, 2025072000",
        "26.1, 2025072000",
        "99.9.9, 2025072000",
        "' 17.4 ', 2024013100",
        "iOS 17.4, 2024013100"
    })
    void releaseMapsToTheSpecTableVersion(String release, int version) {
        assertThat(IosReleases.trustStoreVersionFor(release)).isEqualTo(version);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.2", "8", "1.0", "0"})
    void releaseBelowTheFirstVersionedStore_isRejectedNamingTheRange(String release) {
        assertThatThrownBy(() -> IosReleases.resolve(release))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("8.3")
                .hasMessageContaining("26.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "latest", "17.x", "17..4", ".17", "17.4.1.2", "-17", "１７.４", "17,4"})
    void garbageIsAnIllegalArgument(String release) {
        assertThatThrownBy(() -> IosReleases.resolve(release))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("17.4");
    }

    @Test
    void nullIsAnIllegalArgument() {
        assertThatThrownBy(() -> IosReleases.resolve(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rowsAreSourcedExactlyWhereTheSpecCitesASource() {
        List<String> sourced = IosReleases.all().stream()
                .filter(IosReleaseRow::sourced)
                .map(IosReleaseRow::release)
                .collect(Collectors.toList());
        assertThat(sourced).containsExactly("18.4", "18.5", "26.0");
        assertThat(IosReleases.resolve("17.4").inferred()).isTrue();
        assertThat(IosReleases.resolve("18.3").source()).contains("2024051501");
    }

    @Test
    void everyRowNamesABundledVersion_andEveryBundledVersionHasARelease() {
        List<Integer> bundled = AppleTrustStores.versions().stream()
                .map(TrustStoreVersionInfo::trustStoreVersion)
                .collect(Collectors.toList());
        assertThat(IosReleases.all()).allSatisfy(r -> assertThat(bundled).contains(r.trustStoreVersion()));
        assertThat(bundled)
                .allSatisfy(v -> assertThat(IosReleases.releasesFor(v)).isNotEmpty());
        assertThat(IosReleases.releasesFor(2018121000))
                .contains("12.1.1", "12.4", "13.0", "13.3")
                .doesNotContain("12.1");
    }

    @Test
    void rowsAreInAscendingReleaseAndVersionOrder() {
        List<IosReleaseRow> rows = IosReleases.all();
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).trustStoreVersion())
                    .isGreaterThanOrEqualTo(rows.get(i - 1).trustStoreVersion());
            assertThat(IosReleases.resolve(rows.get(i).release())).isEqualTo(rows.get(i));
        }
    }
}
