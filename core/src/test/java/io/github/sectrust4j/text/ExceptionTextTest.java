package io.github.sectrust4j.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExceptionTextTest {

    @Test
    void theJvmsImplicitExceptions_areNamedByClassAlone_evenWithAHelpfulMessage() {
        Object nothing = null;
        NullPointerException npe = null;
        try {
            var unused = nothing.hashCode();
        } catch (NullPointerException e) {
            npe = e;
        }
        assertThat(npe).isNotNull();
        // the same exception thrown by compiled code may carry no message at all: either way one text
        assertThat(ExceptionText.why(npe)).isEqualTo("NullPointerException");
        assertThat(ExceptionText.why(new NullPointerException())).isEqualTo("NullPointerException");
        assertThat(ExceptionText.described(npe)).isEqualTo("NullPointerException");
        for (RuntimeException e : List.of(
                new ArrayIndexOutOfBoundsException("Index 5 out of bounds for length 3"),
                new ArrayStoreException("java.lang.Integer"),
                new ClassCastException("class A cannot be cast to class B"),
                new ArithmeticException("/ by zero"))) {
            assertThat(ExceptionText.why(e)).isEqualTo(e.getClass().getSimpleName());
            assertThat(ExceptionText.described(e)).isEqualTo(e.getClass().getSimpleName());
        }
    }

    @Test
    void otherExceptions_keepTheirMessage_orTheirClassWithoutOne() {
        assertThat(ExceptionText.why(new IllegalArgumentException("bad tag 0x1f")))
                .isEqualTo("bad tag 0x1f");
        assertThat(ExceptionText.described(new IllegalArgumentException("bad tag 0x1f")))
                .isEqualTo("IllegalArgumentException: bad tag 0x1f");
        assertThat(ExceptionText.why(new IllegalStateException())).isEqualTo("IllegalStateException");
        assertThat(ExceptionText.described(new IllegalStateException())).isEqualTo("IllegalStateException");
        // a subclass of an implicit exception is the thrower's own, with its own message
        assertThat(ExceptionText.why(new StringIndexOutOfBoundsException("index 9, length 2")))
                .isEqualTo("index 9, length 2");
    }
}
