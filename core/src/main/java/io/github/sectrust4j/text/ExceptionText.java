package io.github.sectrust4j.text;

import java.util.Set;

/**
 * What an exception says, the same in every run. The JVM's implicit exceptions — a null dereference, an index out of
 * bounds, a bad cast or array store, a division by zero — carry a message made from the bytecode, until the JIT
 * compiles the throwing code and throws a preallocated instance without one ({@code -XX:+OmitStackTraceInFastThrow},
 * on by default). A reason built from their message would change with the JIT's state, so they are named by their
 * class alone; every other exception by its message, or its class when it has none.
 */
public final class ExceptionText {
    private static final Set<Class<?>> IMPLICIT = Set.of(
            NullPointerException.class,
            ArrayIndexOutOfBoundsException.class,
            ArrayStoreException.class,
            ClassCastException.class,
            ArithmeticException.class);

    private ExceptionText() {}

    /** The exception's message, or its simple class name (always for the JVM's implicit exceptions). */
    public static String why(Throwable e) {
        String message = e.getMessage();
        return message == null || IMPLICIT.contains(e.getClass()) ? e.getClass().getSimpleName() : message;
    }

    /** "Class: message", or the simple class name alone (always for the JVM's implicit exceptions). */
    public static String described(Throwable e) {
        String message = e.getMessage();
        return message == null || IMPLICIT.contains(e.getClass())
                ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + message;
    }
}
