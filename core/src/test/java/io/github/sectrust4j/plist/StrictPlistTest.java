package io.github.sectrust4j.plist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dd.plist.BinaryPropertyListWriter;
import com.dd.plist.NSArray;
import com.dd.plist.NSData;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.NSString;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/** The strict reader agrees with dd-plist's writer on valid lists and refuses damage with a reason, never more. */
class StrictPlistTest {
    private static final byte[] SAMPLE = sample();

    private static byte[] sample() {
        NSDictionary d = new NSDictionary();
        d.put("xor", new NSData(new byte[] {1, 2, 3}));
        d.put("params", new NSArray(new NSNumber(7), new NSNumber(-1), new NSNumber(1L << 40), new NSNumber(true)));
        d.put("name", new NSString("Valid filter \u00e9"));
        d.put("ratio", new NSNumber(0.5));
        d.put("nested", new NSArray(new NSDictionary(), new NSArray()));
        try {
            return BinaryPropertyListWriter.writeToArray(d);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void readsWhatDdPlistWrites_asPlainJava() {
        Map<?, ?> root = (Map<?, ?>) StrictPlist.read(SAMPLE);
        assertThat((byte[]) root.get("xor")).containsExactly(1, 2, 3);
        assertThat((List<Object>) root.get("params")).containsExactly(7L, -1L, 1L << 40, true);
        assertThat(root.get("name")).isEqualTo("Valid filter \u00e9");
        assertThat(root.get("ratio")).isEqualTo(0.5);
        assertThat((List<Object>) root.get("nested")).containsExactly(Map.of(), List.of());
    }

    @Test
    void xml_isReadSilently_andExternalEntitiesAreNotResolved() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE plist [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
                + "<plist version=\"1.0\"><dict><key>k</key><string>&x;</string><key>n</key><integer>5</integer></dict></plist>";
        Map<?, ?> root = (Map<?, ?>) StrictPlist.read(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(root.get("n")).isEqualTo(5L);
        assertThat(root.get("k")).isEqualTo("");
        assertThatThrownBy(() -> StrictPlist.read("<plist><dict>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a property list");
        assertThatThrownBy(() -> StrictPlist.read("hello".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("neither");
        assertThatThrownBy(() -> StrictPlist.read("bplist15xxxxxxxx".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version 15");
    }

    @Property(tries = 500)
    void damagedBinaryLists_readOrFailWithIllegalArgument(
            @ForAll @IntRange(max = 10_000) int position, @ForAll byte value, @ForAll @IntRange(max = 3) int edits) {
        Statistics.coverage(c -> {
            c.check("read").count(n -> n > 0);
            c.check("refused").count(n -> n > 0);
        });
        byte[] bad = SAMPLE.clone();
        for (int i = 0; i <= edits; i++) {
            bad[(position + i * 31) % bad.length] = (byte) (value + i);
        }
        try {
            StrictPlist.read(bad);
            Statistics.collect("read");
        } catch (IllegalArgumentException e) {
            Statistics.collect("refused");
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Test
    void truncations_failWithIllegalArgument() {
        for (int n = 0; n < SAMPLE.length; n++) {
            byte[] cut = Arrays.copyOf(SAMPLE, n);
            try {
                StrictPlist.read(cut);
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        }
    }
}
