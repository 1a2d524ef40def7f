package io.github.sectrust4j.cert;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Structure-aware damage to a DER encoding for differential tests: the encoding is read into a tree of TLVs, one or
 * two nodes are changed (tag, length form, indefinite length, leading 00/FF, BOOLEAN values, an element removed,
 * duplicated, swapped, inserted or wrapped, contents emptied, cut or extended, time forms), and the tree is encoded
 * again with consistent lengths — so the damage reaches the rules deep inside a certificate instead of stopping at
 * the outer length check, as flipped bytes mostly do. Deterministic for a given {@link Random}.
 */
final class DerTreeMutation {
    private static final int[] TAGS = {
        0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x0a, 0x0c, 0x12, 0x13, 0x14, 0x16, 0x17, 0x18, 0x1a, 0x1c, 0x1e,
        0x23, 0x24, 0x30, 0x31, 0x80, 0x81, 0x82, 0x83, 0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0x40, 0x60, 0xc0, 0xe0, 0x2c
    };
    private static final byte[][] SMALL = {
        {1, 1, 0},
        {1, 1, (byte) 0xff},
        {1, 1, 1},
        {5, 0},
        {2, 1, 0},
        {2, 1, 2},
        {2, 2, 0, 1},
        {0x30, 0},
        {0x31, 0},
        {4, 0},
        {3, 1, 0},
        {(byte) 0x80, 0},
        {(byte) 0xa0, 0},
        {6, 3, 0x55, 0x1d, 0x13},
        {0x0c, 1, 0x41},
        {0x13, 1, 0x41}
    };
    private static final String[] TIMES = {
        "991231235959Z",
        "491231235959Z",
        "500101000000Z",
        "20500101000000Z",
        "19491231235959Z",
        "99123123595Z",
        "9912312359Z",
        "991231235959+0100",
        "20500101000000.5Z",
        "2050010100Z",
        "A0500101000000Z",
        "5",
        "1"
    };

    private DerTreeMutation() {}

    /** {@code der} damaged once or twice; null if {@code der} is not a tree of definite-length TLVs to begin with. */
    static byte[] mutate(byte[] der, Random random) {
        if (random.nextInt(10) == 0) {
            byte[] d = der.clone();
            d[random.nextInt(d.length)] ^= (byte) (1 + random.nextInt(255));
            return d;
        }
        Node root;
        try {
            root = parse(der, new int[] {0}, der.length, 0);
        } catch (RuntimeException e) {
            return null;
        }
        int changes = 1 + random.nextInt(2);
        for (int m = 0; m < changes; m++) {
            List<Node> nodes = new ArrayList<>();
            root.collect(nodes);
            change(nodes.get(random.nextInt(nodes.size())), random);
        }
        return root.encode();
    }

    /**
     * {@code der} with its first TLV encoded as {@code tlv} replaced by {@code replacement} (its length written in
     * {@code lengthBytes} long-form bytes, 0 for the minimal form), every enclosing length re-encoded.
     */
    static byte[] replace(byte[] der, byte[] tlv, byte[] replacement, int lengthBytes) {
        Node root = parse(der, new int[] {0}, der.length, 0);
        List<Node> nodes = new ArrayList<>();
        root.collect(nodes);
        Node target = nodes.stream()
                .filter(n -> Arrays.equals(n.encode(), tlv))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no such TLV"));
        Node with = parse(replacement, new int[] {0}, replacement.length, 0);
        target.tag = with.tag;
        target.content = with.content;
        target.kids = with.kids;
        target.encapsulating = with.encapsulating;
        target.lengthBytes = lengthBytes;
        return root.encode();
    }

    private static void change(Node n, Random random) {
        boolean container = n.kids != null && !n.encapsulating;
        switch (random.nextInt(16)) {
            case 0 -> {
                n.tag = TAGS[random.nextInt(TAGS.length)];
                if ((n.tag & 0x20) == 0 && container) {
                    n.content = encode(n.kids);
                    n.kids = null;
                }
            }
            case 1 -> n.lengthBytes = 1 + random.nextInt(3); // long form, maybe not minimal
            case 2 -> n.indefinite = container;
            case 3 -> {
                if (n.kids == null) {
                    byte[] c = new byte[n.content.length + 1];
                    c[0] = (byte) (random.nextBoolean() ? 0 : 0xff);
                    System.arraycopy(n.content, 0, c, 1, n.content.length);
                    n.content = c;
                }
            }
            case 4 -> {
                if (n.tag == 1 && n.kids == null) {
                    n.content = new byte[] {(byte) new int[] {0, 1, 0xff, 0x7f, 0x80}[random.nextInt(5)]};
                } else if (n.kids == null && n.content.length > 0) {
                    n.content[0] = (byte) random.nextInt(9);
                }
            }
            case 5 -> {
                if (container && !n.kids.isEmpty()) {
                    n.kids.remove(random.nextInt(n.kids.size()));
                }
            }
            case 6 -> {
                if (container && !n.kids.isEmpty()) {
                    n.kids.add(
                            random.nextInt(n.kids.size() + 1),
                            n.kids.get(random.nextInt(n.kids.size())).copy());
                }
            }
            case 7 -> {
                if (container && n.kids.size() > 1) {
                    int i = random.nextInt(n.kids.size() - 1);
                    Collections.swap(n.kids, i, i + 1);
                }
            }
            case 8 -> {
                if (container) {
                    byte[] s = SMALL[random.nextInt(SMALL.length)];
                    n.kids.add(random.nextInt(n.kids.size() + 1), parse(s, new int[] {0}, s.length, 0));
                }
            }
            case 9 -> {
                Node inner = n.copy();
                n.tag = new int[] {0x30, 0x31, 0xa0, 0xa3, 0x04}[random.nextInt(5)];
                n.kids = new ArrayList<>(List.of(inner));
                n.encapsulating = n.tag == 0x04;
                n.content = null;
                n.lengthBytes = 0;
                n.indefinite = false;
            }
            case 10 -> {
                n.kids = null;
                n.content = new byte[0];
            }
            case 11 -> {
                if (n.kids == null && n.content.length > 0) {
                    n.content = Arrays.copyOf(n.content, n.content.length - 1);
                }
            }
            case 12 -> {
                if (n.kids == null) {
                    n.content = Arrays.copyOf(n.content, n.content.length + 1);
                    n.content[n.content.length - 1] = (byte) random.nextInt(256);
                }
            }
            case 13 -> {
                if (container && n.kids.size() > 1) {
                    Collections.shuffle(n.kids, random);
                }
            }
            case 14 -> {
                if ((n.tag == 0x17 || n.tag == 0x18) && n.kids == null) {
                    n.content =
                            TIMES[random.nextInt(TIMES.length)].getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                    if (random.nextBoolean()) {
                        n.tag = n.tag == 0x17 ? 0x18 : 0x17;
                    }
                }
            }
            default -> {
                if (n.kids == null && n.content.length > 0) {
                    n.content[random.nextInt(n.content.length)] ^= (byte) (1 + random.nextInt(255));
                }
            }
        }
    }

    /** One TLV: a primitive's contents, or a constructed one's children (also an OCTET STRING holding one TLV). */
    private static final class Node {
        int tag;
        byte[] content;
        List<Node> kids;
        boolean encapsulating;
        int lengthBytes; // 0: the minimal form
        boolean indefinite;

        void collect(List<Node> into) {
            into.add(this);
            if (kids != null) {
                kids.forEach(k -> k.collect(into));
            }
        }

        /** A deep copy (not encode-and-parse: an indefinite or odd length made earlier would not read back). */
        Node copy() {
            Node c = new Node();
            c.tag = tag;
            c.content = content == null ? null : content.clone();
            c.kids = kids == null
                    ? null
                    : new ArrayList<>(kids.stream().map(Node::copy).toList());
            c.encapsulating = encapsulating;
            c.lengthBytes = lengthBytes;
            c.indefinite = indefinite;
            return c;
        }

        byte[] encode() {
            byte[] c = kids != null ? DerTreeMutation.encode(kids) : content;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(tag);
            if (indefinite) {
                out.write(0x80);
                out.writeBytes(c);
                out.write(0);
                out.write(0);
                return out.toByteArray();
            }
            int n = lengthBytes > 0
                    ? lengthBytes
                    : c.length < 0x80 ? 0 : c.length < 0x100 ? 1 : c.length < 0x10000 ? 2 : 3;
            if (n == 0) {
                out.write(c.length);
            } else {
                out.write(0x80 | n);
                for (int i = n - 1; i >= 0; i--) {
                    out.write(c.length >> (8 * i));
                }
            }
            out.writeBytes(c);
            return out.toByteArray();
        }
    }

    private static byte[] encode(List<Node> nodes) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        nodes.forEach(k -> b.writeBytes(k.encode()));
        return b.toByteArray();
    }

    /** The TLV at {@code pos[0]} (the project's {@link Der} reader: DER lengths), its children read too. */
    private static Node parse(byte[] d, int[] pos, int end, int depth) {
        Der.Tlv t = Der.read(d, pos[0], end);
        Node node = new Node();
        node.tag = t.tag();
        node.content = Arrays.copyOfRange(d, t.contentStart(), t.end());
        pos[0] = t.end();
        if (depth < 30) {
            if ((t.tag() & 0x20) != 0) {
                node.kids = children(d, t.contentStart(), t.end(), depth);
                if (node.kids == null) {
                    throw new IllegalArgumentException("children");
                }
            } else if (t.tag() == 0x04 && t.end() - t.contentStart() > 1) {
                List<Node> inner = children(d, t.contentStart(), t.end(), depth);
                if (inner != null && inner.size() == 1) {
                    node.kids = inner;
                    node.encapsulating = true;
                }
            }
        }
        return node;
    }

    private static List<Node> children(byte[] d, int from, int to, int depth) {
        List<Node> out = new ArrayList<>();
        int[] pos = {from};
        try {
            while (pos[0] < to) {
                out.add(parse(d, pos, to, depth + 1));
            }
        } catch (RuntimeException e) {
            return null;
        }
        return out;
    }
}
