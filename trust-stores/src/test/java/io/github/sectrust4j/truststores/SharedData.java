package io.github.sectrust4j.truststores;

import io.github.sectrust4j.truststores.tool.SnapshotTool;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Test access to the repository's reference/apple-trust-store (found upwards from the module or repo dir). */
final class SharedData {
    static final Path DIR = locate();

    private SharedData() {}

    private static Path locate() {
        try {
            String override = System.getProperty("sectrust4j.shared");
            return SnapshotTool.locateShared(
                    Paths.get(override != null ? override : "").toAbsolutePath());
        } catch (IOException e) {
            throw new IllegalStateException("these tests need the reference data: " + e.getMessage(), e);
        }
    }

    /** trustStoreVersion → manifest group name → fingerprints (upper case). */
    static Map<Integer, Map<String, List<String>>> groups() {
        Map<Integer, Map<String, List<String>>> out = new TreeMap<>();
        for (String[] row : releasesTsv()) {
            int v = Integer.parseInt(row[0]);
            out.put(v, manifestGroups(v));
        }
        return out;
    }

    /** Rows of releases.tsv without its header. */
    static List<String[]> releasesTsv() {
        try {
            List<String[]> rows = new ArrayList<>();
            for (String line : Files.readAllLines(DIR.resolve("releases.tsv"), StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.startsWith("trust_store_version")) {
                    rows.add(line.split("\t"));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Group name → fingerprints of one manifest, parsed with a regex-free scan independent of the tool. */
    static Map<String, List<String>> manifestGroups(int version) {
        String json =
                read(DIR.resolve("releases").resolve(Integer.toString(version)).resolve("manifest.json"));
        int g = json.indexOf("\"groups\"");
        int open = json.indexOf('{', g);
        int close = json.indexOf('}', open);
        String body = json.substring(open + 1, close);
        Map<String, List<String>> out = new TreeMap<>();
        int p = 0;
        while (true) {
            int q1 = body.indexOf('"', p);
            if (q1 < 0) {
                break;
            }
            int q2 = body.indexOf('"', q1 + 1);
            String name = body.substring(q1 + 1, q2);
            int lb = body.indexOf('[', q2);
            int rb = body.indexOf(']', lb);
            List<String> fps = new ArrayList<>();
            for (String part : body.substring(lb + 1, rb).split(",")) {
                String t = part.trim().replace("\"", "");
                if (!t.isEmpty()) {
                    fps.add(t.toUpperCase(Locale.ROOT));
                }
            }
            out.put(name, fps);
            p = rb + 1;
        }
        return out;
    }

    static X509Certificate certificate(String sha256Hex) {
        try {
            byte[] der = Files.readAllBytes(DIR.resolve("certs").resolve(sha256Hex + ".cer"));
            return (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read certs/" + sha256Hex + ".cer", e);
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
