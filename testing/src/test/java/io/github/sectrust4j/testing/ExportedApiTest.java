package io.github.sectrust4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.truststores.AppleTrustStore;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exported surface of sectrust4j's four library modules: (1) a public signature in an exported package names
 * only JDK types of modules the module reads transitively, its own exported types and those of the sectrust4j
 * modules it {@code requires transitive} — never Bouncy Castle, Guava, Jackson, dd-plist or an internal package;
 * (2) the surface equals the committed baseline {@code api/<module>.api}, so it changes only on purpose
 * (README "Development": regenerate with {@code -Dsectrust4j.api.accept=true} and commit the diff); (3) the packages
 * japicmp compares with {@code api/baseline/<module>.jar} (binary and source compatibility, in {@code verify}) are
 * exactly the exported ones.
 */
class ExportedApiTest {
    /** The property that rewrites the baseline files instead of comparing with them. */
    static final String ACCEPT = "sectrust4j.api.accept";

    /**
     * A class of each module, and the foreign packages its exported signatures name on purpose: the fixtures'
     * JUnit 5 extension implements JUnit's interfaces, the assertions of {@code testing} extend AssertJ's.
     */
    static Stream<Arguments> modules() {
        return Stream.of(
                Arguments.of(SecTrust.class, Set.of()),
                Arguments.of(AppleTrustStore.class, Set.of()),
                Arguments.of(TestPki.class, Set.of("org.junit.jupiter.api.extension")),
                Arguments.of(PkiTrust.class, Set.of("org.assertj.core.api")));
    }

    @ParameterizedTest
    @MethodSource("modules")
    void exportedSignatures_nameNoThirdPartyOrInternalType(Class<?> member, Set<String> foreignOnPurpose) {
        ExportedSurface surface = ExportedSurface.of(member);
        Allowed allowed = Allowed.of(surface.descriptor(), foreignOnPurpose);

        List<String> violations = new ArrayList<>();
        for (Class<?> type : surface.types()) {
            violations.addAll(allowed.violations(type));
        }

        assertThat(surface.types())
                .as("exported public types of %s", surface.descriptor().name())
                .contains(member)
                .hasSizeGreaterThan(3);
        assertThat(violations)
                .as(
                        "exported signatures of %s naming a type its users cannot (or should not) see",
                        surface.descriptor().name())
                .isEmpty();
    }

    @Test
    void theCheck_findsThirdPartyAndInternalTypes_inAnImplementationClass() throws Exception {
        // cert.Certificate is public but not exported: its signatures name Bouncy Castle and internal types
        Allowed allowed = Allowed.of(ExportedSurface.of(SecTrust.class).descriptor(), Set.of());
        List<String> found = allowed.violations(Class.forName("io.github.sectrust4j.cert.Certificate"));

        assertThat(found)
                .anyMatch(v -> v.contains("org.bouncycastle."))
                .anyMatch(v -> v.contains("io.github.sectrust4j.cert."));
    }

    @Test
    void core_exportsItsApi_andNoImplementationPackage() {
        ModuleDescriptor core = ExportedSurface.of(SecTrust.class).descriptor();

        assertThat(core.name()).isEqualTo("io.github.sectrust4j");
        assertThat(ExportedSurface.exportedPackages(core))
                .contains("io.github.sectrust4j", "io.github.sectrust4j.spi")
                .doesNotContain(
                        "io.github.sectrust4j.engine",
                        "io.github.sectrust4j.ct.internal",
                        "io.github.sectrust4j.revocation.internal",
                        "io.github.sectrust4j.cert",
                        "io.github.sectrust4j.cli",
                        "io.github.sectrust4j.path",
                        "io.github.sectrust4j.policy",
                        "io.github.sectrust4j.report");
        assertThat(core.packages())
                .contains(
                        "io.github.sectrust4j.engine",
                        "io.github.sectrust4j.cli",
                        "io.github.sectrust4j.ct.internal",
                        "io.github.sectrust4j.revocation.internal");
    }

    @ParameterizedTest
    @MethodSource("modules")
    void exportedSurface_equalsTheCommittedBaseline(Class<?> member) throws IOException {
        ExportedSurface surface = ExportedSurface.of(member);
        String name = surface.descriptor().name();
        Path file = baselineDirectory().resolve(name + ".api");
        List<String> lines = new ArrayList<>(List.of(
                "# The exported API of module " + name + ": public types of its exported packages and their public and",
                "# protected members. Generated by ExportedApiTest; after a change on purpose regenerate it (README",
                "# \"Development\") and commit the diff with the change."));
        lines.addAll(surface.signatureLines());
        String actual = String.join("\n", lines) + "\n";

        if (Boolean.getBoolean(ACCEPT)) {
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        String expected = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        assertThat(actual)
                .as(
                        "the exported API of %s differs from %s:%n%s%nIf the change is on purpose, accept it: "
                                + "mvn -B -q -pl testing -am verify -Dtest=ExportedApiTest -Dsurefire.failIfNoSpecifiedTests=false "
                                + "-D%s=true, and commit %s",
                        name, file, difference(expected, actual), ACCEPT, file)
                .isEqualTo(expected);
    }

    /**
     * japicmp (README "Development") checks the packages a module's pom lists in {@code sectrust4j.api.packages}
     * against the baseline jar {@code api/baseline/<module>.jar}: the list must be the module's exports, or a newly
     * exported package would go unchecked.
     */
    @ParameterizedTest
    @MethodSource("modules")
    void japicmpChecks_exactlyTheExportedPackages(Class<?> member) throws IOException {
        ModuleDescriptor descriptor = ExportedSurface.of(member).descriptor();
        Path root = baselineDirectory().getParent();
        String pom = null;
        try (Stream<Path> poms = Files.list(root)) {
            for (Path dir : poms.filter(Files::isDirectory).sorted().toList()) {
                Path file = dir.resolve("pom.xml");
                if (Files.exists(file)
                        && Files.readString(file, StandardCharsets.UTF_8)
                                .contains("<module.name>" + descriptor.name() + "</module.name>")) {
                    pom = Files.readString(file, StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(pom).as("the pom of %s", descriptor.name()).isNotNull();
        Matcher listed = Pattern.compile("<sectrust4j.api.packages>([^<]*)</sectrust4j.api.packages>")
                .matcher(pom);

        assertThat(listed.find())
                .as("sectrust4j.api.packages in the pom of %s", descriptor.name())
                .isTrue();
        assertThat(new TreeSet<>(List.of(listed.group(1).split(";"))))
                .isEqualTo(ExportedSurface.exportedPackages(descriptor));
        assertThat(baselineDirectory().resolve("baseline").resolve(descriptor.name() + ".jar"))
                .as("written by scripts/api-baseline")
                .isRegularFile();
    }

    /** The repository's api/ folder (the tests run in testing/). */
    static Path baselineDirectory() {
        Path root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
        return root.resolve("api");
    }

    /** Lines only in the baseline (-) and only in the build (+). */
    static String difference(String expected, String actual) {
        Set<String> was = new LinkedHashSet<>(expected.lines().toList());
        Set<String> now = new LinkedHashSet<>(actual.lines().toList());
        StringBuilder out = new StringBuilder();
        was.stream()
                .filter(l -> !now.contains(l))
                .forEach(l -> out.append("- ").append(l).append('\n'));
        now.stream()
                .filter(l -> !was.contains(l))
                .forEach(l -> out.append("+ ").append(l).append('\n'));
        return out.toString();
    }

    /** What a module's exported signatures may name. */
    record Allowed(String module, Set<String> packages, Set<String> jdkModules, Set<String> foreign) {
        /** The sectrust4j modules, by name, for their exports. */
        static final Map<String, ModuleDescriptor> SECTRUST4J = Map.of(
                "io.github.sectrust4j", ExportedSurface.of(SecTrust.class).descriptor(),
                "io.github.sectrust4j.truststores",
                        ExportedSurface.of(AppleTrustStore.class).descriptor(),
                "io.github.sectrust4j.fixtures",
                        ExportedSurface.of(TestPki.class).descriptor(),
                "io.github.sectrust4j.testing",
                        ExportedSurface.of(PkiTrust.class).descriptor());

        static Allowed of(ModuleDescriptor d, Set<String> foreign) {
            Set<String> packages = new TreeSet<>(ExportedSurface.exportedPackages(d));
            Set<String> jdk = new TreeSet<>(Set.of("java.base"));
            for (ModuleDescriptor.Requires r : d.requires()) {
                if (!r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE)) {
                    continue;
                }
                if (SECTRUST4J.containsKey(r.name())) {
                    packages.addAll(ExportedSurface.exportedPackages(SECTRUST4J.get(r.name())));
                } else if (r.name().startsWith("java.")) {
                    jdk.add(r.name());
                }
            }
            return new Allowed(d.name(), packages, jdk, foreign);
        }

        /** "type: member signature names X" for every type {@code type}'s public signatures may not name. */
        List<String> violations(Class<?> type) {
            List<String> out = new ArrayList<>();
            for (Class<?> used : ExportedSurface.referencedTypes(type)) {
                if (!allowed(used)) {
                    out.add(type.getName() + " names " + used.getName());
                }
            }
            return out;
        }

        private boolean allowed(Class<?> used) {
            Module m = used.getModule();
            if (m.isNamed() && m.getLayer() == ModuleLayer.boot()) { // the JDK, read through the module's requires
                return jdkModules.contains(m.getName());
            }
            if (foreign.contains(used.getPackageName())) {
                return true;
            }
            // an exported package's type, and one a caller can name (not package-private)
            return packages.contains(used.getPackageName()) && ExportedSurface.isPublicApi(used);
        }
    }
}
