package io.github.sectrust4j;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package DAG of docs/ARCHITECTURE.md ("What each package may import"), checked on the compiled
 * classes: an internal package may use its own layer and the layers below it, never one above; no
 * internal package uses the façade of the root package (the entry points that drive the engine).
 */
class ArchitectureTest {
    private static final String ROOT = "io.github.sectrust4j";

    /** Bottom to top. A package may depend on packages of its own rank or lower. */
    static final Map<String, Integer> RANK = Map.ofEntries(
            Map.entry("text", 0),
            Map.entry("plist", 0),
            Map.entry("spi", 0),
            Map.entry("cert", 1),
            Map.entry("check", 2),
            // the exported halves (what a caller hands in: log lists, exceptions, Valid database, OCSP fetcher) sit
            // below the implementation that reads them, so the API never names an internal type
            Map.entry("ct", 3),
            Map.entry("revocation", 3),
            Map.entry("ct.internal", 4),
            Map.entry("revocation.internal", 4),
            Map.entry("request", 5),
            Map.entry("path", 6),
            Map.entry("policy.names", 7),
            Map.entry("policy.rfc5280", 8),
            Map.entry("policy", 9),
            Map.entry("engine", 10),
            Map.entry("report", 11),
            Map.entry("profile", 12),
            Map.entry("capture", 13),
            Map.entry("cli", 14));

    /**
     * Root-package types that drive the engine: internals below them must not call back up. (TrustMatrix is a
     * value the report layer renders; its static {@code evaluate} is reached only through SecTrust.)
     */
    static final Set<String> FACADE = Set.of("SecTrust", "CertificateBundle", "SecTrustManager");

    /**
     * The one sanctioned bridge (the JDK's "shared secrets" pattern): SecTrust registers its request function in
     * {@code engine.SecTrustAccess} so that the exported class names no internal type; the bridge passes SecTrust
     * values through to that function and calls nothing on them.
     */
    static final Set<String> FACADE_BRIDGES = Set.of("io.github.sectrust4j.engine.SecTrustAccess");

    /** Packages that may use the façade: the shells around the library. */
    static final Set<String> FACADE_USERS = Set.of("capture", "cli");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void everyInternalPackageHasARank() {
        Set<String> unranked = new TreeSet<>();
        for (JavaClass c : classes) {
            internalPackage(c).filter(p -> !RANK.containsKey(p)).ifPresent(unranked::add);
        }
        assertThat(unranked)
                .as("packages missing from ArchitectureTest.RANK and docs/ARCHITECTURE.md")
                .isEmpty();
    }

    @Test
    void noPackageReachesUp() {
        assertThat(violations(false)).as("dependencies on a higher layer").isEmpty();
    }

    @Test
    void internalsNeverUseTheFacade() {
        assertThat(violations(true)).as("internal uses of the root façade").isEmpty();
    }

    private static List<String> violations(boolean facade) {
        Set<String> out = new TreeSet<>();
        for (JavaClass c : classes) {
            Optional<String> from = internalPackage(c);
            if (from.isEmpty() || !RANK.containsKey(from.get())) {
                continue;
            }
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                JavaClass target = d.getTargetClass();
                if (!target.getPackageName().startsWith(ROOT)) {
                    continue;
                }
                Optional<String> to = internalPackage(target);
                if (facade) {
                    if (to.isEmpty()
                            && FACADE.contains(topLevel(target).getSimpleName())
                            && !FACADE_USERS.contains(from.get())
                            && !FACADE_BRIDGES.contains(topLevel(c).getName())) {
                        out.add(from.get() + ": " + c.getName() + " -> " + target.getName());
                    }
                } else if (to.isPresent() && RANK.containsKey(to.get()) && RANK.get(to.get()) > RANK.get(from.get())) {
                    out.add(from.get() + " -> " + to.get() + ": " + c.getName() + " -> " + target.getName());
                }
            }
        }
        return List.copyOf(out);
    }

    /** The package below the root (e.g. "policy.names"), empty for the root package and for other modules. */
    private static Optional<String> internalPackage(JavaClass c) {
        String p = c.getPackageName();
        if (!p.startsWith(ROOT + ".") || p.startsWith(ROOT + ".truststores") || p.startsWith(ROOT + ".fixtures")) {
            return Optional.empty();
        }
        return Optional.of(p.substring(ROOT.length() + 1));
    }

    private static JavaClass topLevel(JavaClass c) {
        JavaClass t = c;
        while (t.getEnclosingClass().isPresent()) {
            t = t.getEnclosingClass().get();
        }
        return t;
    }
}
