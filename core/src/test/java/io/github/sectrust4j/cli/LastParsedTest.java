package io.github.sectrust4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class LastParsedTest {
    @Test
    void anEqualInputIsNotParsedAgainAndADifferentOneIs() {
        List<String> parsed = new ArrayList<>();
        Function<String, Integer> parse = s -> {
            parsed.add(s);
            return Integer.parseInt(s);
        };
        LastParsed<String, Integer> last = new LastParsed<>();

        assertThat(last.get("12", parse)).isEqualTo(12);
        assertThat(last.get(new String("12"), parse)).isEqualTo(12);
        assertThat(last.get("13", parse)).isEqualTo(13);
        assertThat(last.get("12", parse)).isEqualTo(12);
        assertThat(parsed).containsExactly("12", "13", "12");
    }

    @Test
    void aFailedParseIsNotKept() {
        LastParsed<String, Integer> last = new LastParsed<>();
        assertThat(last.get("7", Integer::parseInt)).isEqualTo(7);
        assertThatThrownBy(() -> last.get("x", Integer::parseInt)).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> last.get("x", Integer::parseInt)).isInstanceOf(NumberFormatException.class);
        assertThat(last.get("7", s -> -1))
                .as("the last good value is still the one for 7")
                .isEqualTo(7);
    }
}
