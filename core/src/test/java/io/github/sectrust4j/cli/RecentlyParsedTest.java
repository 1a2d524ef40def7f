package io.github.sectrust4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RecentlyParsedTest {
    @Test
    void inputsCycledInTurn_areParsedOnce_andFailuresNever() {
        List<String> parsed = new ArrayList<>();
        Function<String, Integer> parse = s -> {
            parsed.add(s);
            return Integer.parseInt(s);
        };
        RecentlyParsed<String, Integer> recent = new RecentlyParsed<>();
        for (int round = 0; round < 3; round++) {
            for (String s : List.of("1", "2", "3")) {
                assertThat(recent.get(new String(s), parse)).isEqualTo(Integer.parseInt(s));
            }
        }
        assertThat(parsed).containsExactly("1", "2", "3");
        assertThatThrownBy(() -> recent.get("x", parse)).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> recent.get("x", parse)).isInstanceOf(NumberFormatException.class);
        assertThat(parsed).containsExactly("1", "2", "3", "x", "x");
    }

    @Test
    void aStreamOfDistinctInputs_staysBounded() {
        RecentlyParsed<Integer, Integer> recent = new RecentlyParsed<>();
        List<Integer> parsed = new ArrayList<>();
        for (int i = 0; i < 10 * RecentlyParsed.MAX_ENTRIES; i++) {
            recent.get(i, x -> {
                parsed.add(x);
                return x;
            });
        }
        assertThat(recent.size()).isBetween(1, RecentlyParsed.MAX_ENTRIES);
        assertThat(parsed).hasSize(10 * RecentlyParsed.MAX_ENTRIES);
    }
}
