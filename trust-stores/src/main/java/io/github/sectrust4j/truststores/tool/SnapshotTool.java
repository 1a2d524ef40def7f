package io.github.sectrust4j.truststores.tool;

import io.github.sectrust4j.truststores.AnchorGroup;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Generates the module's resources from {@code reference/apple-trust-store} (its README): one
 * deduplicated anchor pool ({@code anchors.bin}), one file per trust-store version
 * ({@code store-<version>.bin}: group membership, EV policies, constraints, CT log list) and
 * {@code versions.tsv}. Output is deterministic (sorted, no timestamps), so a test can
 * regenerate it and compare byte for byte. The certificate files themselves are not copied.
 *
 * <p>Usage: {@code SnapshotTool <apple-trust-store dir, or a directory below which
 * reference/apple-trust-store is searched upwards> <output dir>}; see
 * the README ("Trust-store data") for the Maven command.
 */
public final class SnapshotTool {
    static final int ANCHORS_MAGIC = 0x53344A41; // "S4JA"
    static final int STORE_MAGIC = 0x53344A53; // "S4JS"
    static final int FORMAT = 1;

    private SnapshotTool() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: SnapshotTool <reference/apple-trust-store> <output dir>");
            System.exit(2);
        }
        Path shared = locateShared(Paths.get(args[0]));
        Path out = Paths.get(args[1]).toAbsolutePath().normalize();
        Map<String, byte[]> files = generate(shared);
        Files.createDirectories(out);
        try (Stream<Path> old = Files.list(out)) {
            for (Path p : (Iterable<Path>) old::iterator) {
                String n = p.getFileName().toString();
                if ((n.startsWith("store-") && n.endsWith(".bin")) && !files.containsKey(n)) {
                    Files.delete(p);
                }
            }
        }
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Files.write(out.resolve(e.getKey()), e.getValue());
        }
        System.out.println("wrote " + files.size() + " files to " + out);
    }

    /**
     * {@code start} itself if it is an apple-trust-store folder, else the first
     * {@code reference/apple-trust-store} (the copy kept in the repository) found in {@code start} or
     * one of its ancestors.
     *
     * @throws IOException naming the searched places when there is none
     */
    public static Path locateShared(Path start) throws IOException {
        Path p = start.toAbsolutePath().normalize();
        if (Files.isDirectory(p.resolve("releases")) && Files.isDirectory(p.resolve("certs"))) {
            return p;
        }
        for (Path d = p; d != null; d = d.getParent()) {
            Path candidate = d.resolve("reference").resolve("apple-trust-store");
            if (Files.isDirectory(candidate.resolve("releases"))) {
                return candidate;
            }
        }
        throw new IOException("reference/apple-trust-store not found in " + p + " or any parent directory; "
                + "it is part of the repository (reference/apple-trust-store)");
    }

    /** Builds every resource file in memory: file name → bytes. */
    @SuppressWarnings("unchecked")
    public static Map<String, byte[]> generate(Path shared) throws IOException {
        Path releases = shared.resolve("releases");
        if (!Files.isDirectory(releases) || !Files.isDirectory(shared.resolve("certs"))) {
            throw new IOException("not an apple-trust-store folder (no releases/ or certs/): " + shared);
        }
        List<Path> versionDirs = new ArrayList<>();
        try (Stream<Path> s = Files.list(releases)) {
            s.filter(Files::isDirectory).sorted().forEach(versionDirs::add);
        }
        List<Map<String, Object>> manifests = new ArrayList<>();
        TreeSet<String> allFingerprints = new TreeSet<>();
        for (Path dir : versionDirs) {
            Map<String, Object> m = (Map<String, Object>)
                    Json.parse(Files.readString(dir.resolve("manifest.json"), StandardCharsets.UTF_8));
            manifests.add(m);
            for (Object members : ((Map<String, Object>) m.get("groups")).values()) {
                for (Object fp : (List<Object>) members) {
                    allFingerprints.add(fp.toString().toUpperCase(Locale.ROOT));
                }
            }
        }
        // the pool: every certificate any manifest names, once, sorted by SHA-256
        List<String> pool = new ArrayList<>(allFingerprints);
        Map<String, Integer> index = new HashMap<>();
        List<CertificateFacts> facts = new ArrayList<>();
        for (String fp : pool) {
            byte[] der = Files.readAllBytes(shared.resolve("certs").resolve(fp + ".cer"));
            CertificateFacts f;
            try {
                f = CertificateFacts.parse(der);
            } catch (RuntimeException e) {
                throw new IOException("cannot parse certs/" + fp + ".cer: " + e.getMessage(), e);
            }
            byte[] identity = f.fileSha256 != null ? f.fileSha256 : f.sha256;
            if (!CtLogListReader.hex(identity).equals(fp)) {
                throw new IOException("certs/" + fp + ".cer does not hash to its file name");
            }
            index.put(fp, facts.size());
            facts.add(f);
        }
        Map<String, byte[]> files = new TreeMap<>();
        files.put("anchors.bin", withCrc(anchorsFile(facts)));
        StringBuilder tsv =
                new StringBuilder("# generated by SnapshotTool from reference/apple-trust-store; do not edit\n"
                        + "trustStoreVersion\tsourceRelease\tsourceDate\troots\tevRoots\n");
        for (int i = 0; i < manifests.size(); i++) {
            Map<String, Object> m = manifests.get(i);
            int version = ((java.math.BigDecimal) m.get("trustStoreVersion")).intValueExact();
            if (!versionDirs.get(i).getFileName().toString().equals(Integer.toString(version))) {
                throw new IOException("manifest version " + version + " in folder " + versionDirs.get(i));
            }
            Path ct = versionDirs.get(i).resolve("ct-log-list.json");
            CtLogListReader logs =
                    Files.exists(ct) ? CtLogListReader.read(Files.readString(ct, StandardCharsets.UTF_8)) : null;
            files.put("store-" + version + ".bin", withCrc(storeFile(m, version, index, logs)));
            int roots =
                    ((List<Object>) ((Map<String, Object>) m.get("groups")).getOrDefault("roots", List.of())).size();
            int ev = ((Map<String, Object>) m.get("evPolicies")).size();
            tsv.append(version)
                    .append('\t')
                    .append(m.get("sourceRelease"))
                    .append('\t')
                    .append(m.get("sourceDate"))
                    .append('\t')
                    .append(roots)
                    .append('\t')
                    .append(ev)
                    .append('\n');
        }
        files.put("versions.tsv", tsv.toString().getBytes(StandardCharsets.UTF_8));
        return files;
    }

    private static byte[] anchorsFile(List<CertificateFacts> facts) throws IOException {
        List<byte[]> records = new ArrayList<>();
        for (CertificateFacts f : facts) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            DataOutputStream o = new DataOutputStream(b);
            o.write(f.sha256);
            o.write(f.sha1);
            o.write(f.keySha1);
            o.write(f.spkiSha256);
            bytes(o, f.subject);
            bytes(o, f.issuer);
            bytes(o, f.serial);
            bytes(o, f.spki);
            bytes(o, f.subjectKeyId);
            bytes(o, f.authorityKeyId);
            o.writeLong(f.notBefore);
            o.writeLong(f.notAfter);
            o.writeByte(f.version);
            o.writeByte(f.basicConstraintsCa);
            o.writeInt(f.pathLen);
            o.writeInt(f.keyUsage);
            o.writeUTF(f.signatureAlgorithm);
            o.writeBoolean(f.selfSigned);
            bytes(o, f.nameConstraints);
            o.writeShort(f.policies.size());
            for (String p : f.policies) {
                o.writeUTF(p);
            }
            bytes(o, f.fileSha256);
            o.flush();
            records.add(b.toByteArray());
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream o = new DataOutputStream(b);
        o.writeInt(ANCHORS_MAGIC);
        o.writeInt(FORMAT);
        o.writeInt(records.size());
        int offset = 0;
        for (byte[] r : records) {
            o.writeInt(offset);
            offset += r.length;
        }
        for (byte[] r : records) {
            o.write(r);
        }
        o.flush();
        return b.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static byte[] storeFile(
            Map<String, Object> m, int version, Map<String, Integer> index, CtLogListReader logs) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream o = new DataOutputStream(b);
        o.writeInt(STORE_MAGIC);
        o.writeInt(FORMAT);
        o.writeInt(version);
        o.writeUTF(m.get("sourceRelease").toString());
        o.writeUTF(m.get("sourceDate").toString());

        Map<AnchorGroup, List<Integer>> groups = new TreeMap<>();
        for (Map.Entry<String, Object> g : ((Map<String, Object>) m.get("groups")).entrySet()) {
            AnchorGroup group = AnchorGroup.fromFolder(g.getKey());
            List<Integer> members = new ArrayList<>();
            for (Object fp : (List<Object>) g.getValue()) {
                members.add(index.get(fp.toString().toUpperCase(Locale.ROOT)));
            }
            Collections.sort(members);
            groups.put(group, members);
        }
        o.writeByte(groups.size());
        for (Map.Entry<AnchorGroup, List<Integer>> g : groups.entrySet()) {
            o.writeByte(g.getKey().ordinal());
            o.writeInt(g.getValue().size());
            for (int i : g.getValue()) {
                o.writeInt(i);
            }
        }

        writeOidMap(o, (Map<String, Object>) m.get("evPolicies"), index);

        Map<AnchorGroup, Map<String, Object>> sections = new TreeMap<>();
        for (Map.Entry<String, Object> s : ((Map<String, Object>) m.get("constraints")).entrySet()) {
            sections.put(AnchorGroup.fromConstraintsSection(s.getKey()), (Map<String, Object>) s.getValue());
        }
        o.writeByte(sections.size());
        for (Map.Entry<AnchorGroup, Map<String, Object>> s : sections.entrySet()) {
            o.writeByte(s.getKey().ordinal());
            writeOidMap(o, s.getValue(), index);
        }

        o.writeBoolean(logs != null);
        if (logs != null) {
            o.writeUTF(logs.schema);
            o.writeUTF(logs.listVersion);
            o.writeInt(logs.assetVersion);
            o.writeInt(logs.logs.size());
            for (CtLogListReader.Log l : logs.logs) {
                bytes(o, l.logId);
                bytes(o, l.key);
                o.writeUTF(l.operator);
                o.writeUTF(l.description);
                o.writeUTF(l.url);
                o.writeByte(l.state.ordinal());
                o.writeLong(l.stateTimestamp);
                o.writeLong(l.intervalStart);
                o.writeLong(l.intervalEnd);
                o.writeBoolean(l.tiled);
                o.writeBoolean(l.tlsOnly);
            }
        }
        o.flush();
        return b.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static void writeOidMap(DataOutputStream o, Map<String, Object> map, Map<String, Integer> index)
            throws IOException {
        Map<Integer, List<String>> sorted = new TreeMap<>();
        for (Map.Entry<String, Object> e : map.entrySet()) {
            Integer i = index.get(e.getKey().toUpperCase(Locale.ROOT));
            if (i == null) {
                throw new IOException("OID map names a certificate outside every group: " + e.getKey());
            }
            List<String> oids = new ArrayList<>();
            for (Object oid : (List<Object>) e.getValue()) {
                // Apple's data has at least one OID with a stray leading space (2025072000 platform)
                oids.add(oid.toString().trim());
            }
            sorted.put(i, oids);
        }
        o.writeInt(sorted.size());
        for (Map.Entry<Integer, List<String>> e : sorted.entrySet()) {
            o.writeInt(e.getKey());
            o.writeShort(e.getValue().size());
            for (String oid : e.getValue()) {
                o.writeUTF(oid);
            }
        }
    }

    /** Appends a CRC-32 of the content so a damaged resource is detected, not misread. */
    private static byte[] withCrc(byte[] content) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(content);
        byte[] out = java.util.Arrays.copyOf(content, content.length + 4);
        int v = (int) crc.getValue();
        out[content.length] = (byte) (v >>> 24);
        out[content.length + 1] = (byte) (v >>> 16);
        out[content.length + 2] = (byte) (v >>> 8);
        out[content.length + 3] = (byte) v;
        return out;
    }

    private static void bytes(DataOutputStream o, byte[] b) throws IOException {
        if (b == null) {
            o.writeInt(-1);
        } else {
            o.writeInt(b.length);
            o.write(b);
        }
    }
}
