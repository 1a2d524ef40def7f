package io.github.sectrust4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * {@link RecentlyParsed#get} gives what parsing the input gives, over runs that repeat inputs, replace them in
 * their slot, and hold distinct inputs of equal hash ({@code "Aa"} and {@code "BB"}): a kept value is returned only
 * for an equal input, and what it returns is that input's value.
 */
class RecentlyParsedProperties {

    @Property(tries = 500)
    void get_isTheParse(@ForAll("runs") List<String> inputs) {
        RecentlyParsed<String, String> recent = new RecentlyParsed<>();
        Map<Integer, String> lastInSlot = new HashMap<>(); // the model: the last input parsed into each slot
        for (String input : inputs) {
            int h = input.hashCode();
            int slot = (h ^ (h >>> 16)) & (RecentlyParsed.MAX_ENTRIES - 1);
            String before = lastInSlot.get(slot);
            boolean[] parsed = {false};
            String value = recent.get(new String(input), s -> {
                parsed[0] = true;
                return s + "#" + s.length();
            });
            assertThat(value).as(input).isEqualTo(input + "#" + input.length());
            assertThat(parsed[0]).as(input + " parsed").isEqualTo(!input.equals(before));
            Statistics.collect(
                    input.equals(before)
                            ? "kept"
                            : before != null && before.hashCode() == h ? "same hash, other input" : "parsed");
            lastInSlot.put(slot, input);
        }
        Statistics.coverage(c -> {
            c.check("kept").percentage(p -> p > 20);
            c.check("same hash, other input").percentage(p -> p > 5);
            c.check("parsed").percentage(p -> p > 20);
        });
    }

    @Provide
    Arbitrary<List<String>> runs() {
        // "Aa" and "BB" hash alike, and so do their concatenations of one length
        Arbitrary<String> inputs = Arbitraries.oneOf(
                Arbitraries.of("Aa", "BB", "AaAa", "AaBB", "BBAa", "BBBB"),
                Arbitraries.strings().withChars("ab.").ofMaxLength(3));
        return inputs.list().ofMinSize(1).ofMaxSize(20);
    }
}
