package io.github.sectrust4j.truststores;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Load-cost harness (issue #3 item 6; not a unit test). Run after {@code mvn -pl trust-stores test-compile}:
 * <pre>
 * java -Xmx256m -cp trust-stores/target/classes:trust-stores/target/test-classes \
 *      io.github.sectrust4j.truststores.LoadCostHarness
 * </pre>
 * Reports: first load in a fresh JVM (cold), the time to load one store from the classpath in a
 * warm JVM (fresh pool and store, JIT warm, median of many), retained heap of one store and of
 * all stores, and the bundled resource sizes.
 */
public final class LoadCostHarness {
    private LoadCostHarness() {}

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        AppleTrustStore first = AppleTrustStores.latest();
        long cold = System.nanoTime() - t0;
        System.out.printf(
                "cold first load (fresh JVM, latest() incl. index + pool): %.1f ms, %d anchors%n",
                cold / 1e6, first.anchors().size());

        int[] versions = AppleTrustStores.versions().stream()
                .mapToInt(TrustStoreVersionInfo::trustStoreVersion)
                .toArray();
        // warm up: decode every version many times with a fresh pool each time
        for (int i = 0; i < 40; i++) {
            for (int v : versions) {
                loadFresh(v);
            }
        }
        List<Long> one = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long s = System.nanoTime();
            loadFresh(2025072000);
            one.add(System.nanoTime() - s);
        }
        one.sort(null);
        System.out.printf(
                "warm load of one store from the classpath (resource read + pool + decode + indexes): "
                        + "median %.2f ms, p90 %.2f ms%n",
                one.get(100) / 1e6, one.get(180) / 1e6);
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long s = System.nanoTime();
            AnchorPool pool = pool();
            for (int v : versions) {
                AppleTrustStore.decode(AppleTrustStores.resource("store-" + v + ".bin"), "x", pool, List.of());
            }
            all.add(System.nanoTime() - s);
        }
        all.sort(null);
        System.out.printf(
                "warm load of all %d stores (shared pool): median %.1f ms%n", versions.length, all.get(10) / 1e6);

        long base = used();
        Object keepOne = loadFresh(2025072000);
        long oneHeap = used() - base;
        System.out.printf("retained heap, one store incl. its share of the pool bytes: %.2f MB%n", oneHeap / 1048576.0);
        base = used();
        List<Object> keepAll = new ArrayList<>();
        AnchorPool pool = pool();
        for (int v : versions) {
            keepAll.add(AppleTrustStore.decode(AppleTrustStores.resource("store-" + v + ".bin"), "x", pool, List.of()));
        }
        long allHeap = used() - base;
        System.out.printf(
                "retained heap, all %d stores (one shared pool): %.2f MB%n", versions.length, allHeap / 1048576.0);
        long bytes = AppleTrustStores.resource("anchors.bin").length;
        long storeBytes = 0;
        for (int v : versions) {
            storeBytes += AppleTrustStores.resource("store-" + v + ".bin").length;
        }
        System.out.printf(
                "resources (uncompressed): anchors.bin %d KB, %d store files %d KB%n",
                bytes / 1024, versions.length, storeBytes / 1024);
        if (keepOne.hashCode() == keepAll.hashCode()) {
            System.out.print("");
        }
    }

    private static AnchorPool pool() {
        return AnchorPool.parse(AppleTrustStores.resource("anchors.bin"), "anchors.bin");
    }

    private static AppleTrustStore loadFresh(int version) {
        AppleTrustStore s = AppleTrustStore.decode(
                AppleTrustStores.resource("store-" + version + ".bin"), "x", pool(), IosReleases.releasesFor(version));
        // touch the indexes like a caller would
        s.anchorsBySubject(s.anchors().get(0).subject());
        return s;
    }

    private static long used() {
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
