package io.github.sectrust4j.cli;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Searches in byte arrays eight bytes a step (a line's LF, a response's non-ASCII bytes), exact. */
final class ByteScan {
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private ByteScan() {}

    /** The index of the first {@code value} in {@code b[from, to)}, or -1. */
    static int indexOf(byte[] b, byte value, int from, int to) {
        long pattern = ONES * (value & 0xff);
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long x = (long) WORDS.get(b, i) ^ pattern; // a byte equal to value becomes zero
            long zeros = (x - ONES) & ~x & HIGHS; // exact at the lowest zero byte (little-endian: the first)
            if (zeros != 0) {
                return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the first byte of {@code b[from, to)} that is not ASCII (0x80 or above), or {@code to}. */
    static int nonAscii(byte[] b, int from, int to) {
        int i = from;
        while (i + Long.BYTES <= to && ((long) WORDS.get(b, i) & HIGHS) == 0) {
            i += Long.BYTES;
        }
        while (i < to && b[i] >= 0) {
            i++;
        }
        return i;
    }
}
