package io.github.sectrust4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/** Line splitting with a length limit: every line in gives exactly one line out, long ones flagged. */
class LineReaderTest {
    static List<LineReader.Line> read(String text, int limit) throws IOException {
        LineReader r = new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), limit);
        List<LineReader.Line> out = new ArrayList<>();
        for (LineReader.Line l = r.next(); l != null; l = r.next()) {
            out.add(l);
        }
        return out;
    }

    @Property(tries = 300)
    void linesJoinedByNewline_comeBackOneForOne(
            @ForAll @Size(max = 20) List<@StringLength(max = 300) @CharRange(from = ' ', to = '~') String> lines,
            @ForAll @IntRange(min = 1, max = 200) int limit)
            throws IOException {
        Statistics.collect(
                lines.stream().anyMatch(l -> l.length() > limit) ? "a line over the limit" : "all within the limit");
        Statistics.coverage(c -> {
            c.check("a line over the limit").count(n -> n > 0);
            c.check("all within the limit").count(n -> n > 0);
        });
        String text = lines.stream().map(l -> l + "\n").reduce("", String::concat);
        List<LineReader.Line> out = read(text, limit);
        assertThat(out).hasSize(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String in = lines.get(i);
            assertThat(out.get(i).tooLong()).isEqualTo(in.length() > limit);
            if (in.length() <= limit) {
                assertThat(out.get(i).text()).isEqualTo(in);
            } else {
                assertThat(in).startsWith(out.get(i).text());
                assertThat(out.get(i).text().length()).isLessThanOrEqualTo(LineReader.KEPT_PREFIX);
            }
        }
    }

    /**
     * Input that arrives in chunks: a read at a chunk's end is one that would wait (nothing {@link
     * InputStream#available}), and counts as unannounced unless the reader ran its {@code beforeWait} first.
     */
    static final class ChunkedInput extends InputStream {
        private final byte[] bytes;
        private final int chunk;
        private int pos;
        private int chunkEnd;
        boolean announced;
        int unannouncedWaits;
        int waits;

        ChunkedInput(String text, int chunk) {
            this(text.getBytes(StandardCharsets.UTF_8), chunk);
        }

        ChunkedInput(byte[] bytes, int chunk) {
            this.bytes = bytes;
            this.chunk = chunk;
        }

        @Override
        public int available() {
            return chunkEnd - pos;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buf, int off, int len) {
            if (pos == chunkEnd) { // the next chunk has to arrive
                waits++;
                if (!announced) {
                    unannouncedWaits++;
                }
                chunkEnd = Math.min(bytes.length, pos + chunk);
            }
            announced = false;
            int n = Math.min(len, chunkEnd - pos);
            if (n <= 0) {
                return -1;
            }
            System.arraycopy(bytes, pos, buf, off, n);
            pos += n;
            return n;
        }
    }

    /**
     * The pipeline gathers runs: {@code next()}, then {@code nextIfBuffered()} until null. The lines come back one
     * for one as {@code next()} alone gives them, and {@code nextIfBuffered()} never reads (so never waits): a client
     * that sends one line and waits for its answer is answered.
     */
    @Property(tries = 300)
    void runsOfBufferedLines_giveTheSameLines_andNeverRead(
            @ForAll @Size(max = 30) List<@StringLength(max = 300) @CharRange(from = ' ', to = '~') String> lines,
            @ForAll @IntRange(min = 1, max = 200) int limit,
            @ForAll @IntRange(min = 1, max = 2000) int chunk)
            throws IOException {
        String text = lines.stream().map(l -> l + "\n").reduce("", String::concat);
        ChunkedInput in = new ChunkedInput(text, chunk);
        LineReader r = new LineReader(in, limit, () -> in.announced = true);
        List<LineReader.Line> out = new ArrayList<>();
        int runsOfSeveral = 0;
        for (LineReader.Line l = r.next(); l != null; l = r.next()) {
            out.add(l);
            int run = 1;
            while (true) {
                int before = in.pos;
                LineReader.Line more = r.nextIfBuffered();
                assertThat(in.pos).as("nextIfBuffered read input").isEqualTo(before);
                if (more == null) {
                    break;
                }
                out.add(more);
                run++;
            }
            runsOfSeveral += run > 1 ? 1 : 0;
        }
        boolean cutAcrossReads = lines.stream().anyMatch(l -> l.length() > limit && l.length() > chunk);
        Statistics.label("runs").collect(runsOfSeveral > 0 ? "runs of several lines" : "single lines only");
        Statistics.label("runs").coverage(c -> c.check("runs of several lines").count(n -> n > 0));
        // a too-long line over several reads keeps the prefix it has in one read (it used to end with the crossing
        // read)
        Statistics.label("long").collect(cutAcrossReads ? "a too-long line over several reads" : "no such line");
        Statistics.label("long")
                .coverage(c -> c.check("a too-long line over several reads").count(n -> n > 0));
        assertThat(out).usingRecursiveComparison().isEqualTo(read(text, limit));
    }

    @Property(tries = 300)
    void chunkedInput_givesTheSameLines_andEveryWaitIsAnnounced(
            @ForAll @Size(max = 20) List<@StringLength(max = 300) @CharRange(from = ' ', to = '~') String> lines,
            @ForAll @Size(max = 20) List<Boolean> crlf,
            @ForAll @IntRange(min = 1, max = 200) int limit,
            @ForAll @IntRange(min = 1, max = 700) int chunk)
            throws IOException {
        StringBuilder text = new StringBuilder();
        List<String> asSent = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i) + (i < crlf.size() && crlf.get(i) ? "\r" : "");
            asSent.add(l);
            text.append(l).append('\n');
        }
        Statistics.collect(
                asSent.stream().anyMatch(l -> l.length() > limit) ? "a line over the limit" : "all within the limit",
                chunk < 64 * 1024 && text.length() > chunk ? "several chunks" : "one chunk");
        Statistics.coverage(c -> {
            c.check("a line over the limit", "several chunks").count(n -> n > 0);
            c.check("all within the limit", "several chunks").count(n -> n > 0);
        });
        ChunkedInput in = new ChunkedInput(text.toString(), chunk);
        LineReader r = new LineReader(in, limit, () -> in.announced = true);
        List<LineReader.Line> out = new ArrayList<>();
        for (LineReader.Line l = r.next(); l != null; l = r.next()) {
            out.add(l);
        }
        assertThat(out).hasSize(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            boolean tooLong = asSent.get(i).length() > limit; // a CR counts towards the limit
            assertThat(out.get(i).tooLong()).isEqualTo(tooLong);
            if (!tooLong) {
                assertThat(out.get(i).text()).isEqualTo(lines.get(i));
            }
        }
        assertThat(in.waits).isPositive();
        assertThat(in.unannouncedWaits)
                .as("reads that waited without beforeWait")
                .isZero();
    }

    /** Bytes that make UTF-8 of every kind: ASCII, line ends, leads of 2, 3 and 4 bytes, continuations, invalid. */
    @Provide
    Arbitrary<List<Byte>> utf8ish() {
        int[] alphabet = {
            'a', 'b', '\n', '\r', 0xC2, 0xA7, 0xC3, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80, 0xED, 0xA0, 0xC0, 0xFF,
            0xF4, 0x90, 0xBF
        };
        return Arbitraries.of(IntStream.of(alphabet).mapToObj(b -> (byte) b).toList())
                .list()
                .ofMaxSize(400);
    }

    /**
     * Any bytes, however they arrive, give the lines of the text an {@code InputStreamReader} decodes from the whole
     * input (malformed UTF-8 as U+FFFD), split at LF, a CR before it dropped, the limit counted in characters.
     */
    @Property(tries = 500)
    void anyBytes_giveTheLinesOfTheDecodedText(
            @ForAll("utf8ish") List<Byte> input,
            @ForAll @IntRange(min = 1, max = 40) int limit,
            @ForAll @IntRange(min = 1, max = 50) int chunk)
            throws IOException {
        byte[] bytes = new byte[input.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = input.get(i);
        }
        StringWriter decoded = new StringWriter();
        new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8).transferTo(decoded);
        String text = decoded.toString();
        List<LineReader.Line> expected = new ArrayList<>();
        for (int start = 0; start < text.length(); ) {
            int lf = text.indexOf('\n', start);
            String line = text.substring(start, lf < 0 ? text.length() : lf);
            start = lf < 0 ? text.length() : lf + 1;
            expected.add(
                    line.length() > limit
                            ? new LineReader.Line(
                                    line.substring(0, Math.min(LineReader.KEPT_PREFIX, line.length())), true)
                            : new LineReader.Line(
                                    line.endsWith("\r") ? line.substring(0, line.length() - 1) : line, false));
        }
        ChunkedInput in = new ChunkedInput(bytes, chunk);
        LineReader r = new LineReader(in, limit, () -> in.announced = true);
        List<LineReader.Line> out = new ArrayList<>();
        for (LineReader.Line l = r.next(); l != null; l = r.next()) {
            out.add(l);
        }
        Statistics.label("malformed").collect(text.indexOf('\uFFFD') >= 0 ? "malformed UTF-8" : "well-formed");
        Statistics.label("malformed").coverage(c -> c.check("malformed UTF-8").count(n -> n > 0));
        Statistics.label("limit")
                .collect(expected.stream().anyMatch(LineReader.Line::tooLong) ? "a line too long" : "none too long");
        Statistics.label("limit").coverage(c -> {
            c.check("a line too long").count(n -> n > 0);
            c.check("none too long").count(n -> n > 0);
        });
        assertThat(out).isEqualTo(expected);
        assertThat(in.unannouncedWaits)
                .as("reads that waited without beforeWait")
                .isZero();
    }

    /** A line longer than the limit in bytes but not in characters is kept whole (the limit counts characters). */
    @Test
    void theLimitCountsCharacters_notBytes() throws IOException {
        assertThat(read("§§§\n§§§§\n", 3))
                .containsExactly(new LineReader.Line("§§§", false), new LineReader.Line("§§§§", true));
    }

    @Test
    void aLineAtTheLimit_isKept_andItsCrCountsTowardsIt() throws IOException {
        assertThat(read("abc\nabcd\n", 3)).extracting(LineReader.Line::tooLong).containsExactly(false, true);
        assertThat(read("abc\r\nab\r\n", 3))
                .extracting(LineReader.Line::tooLong)
                .containsExactly(true, false);
        assertThat(read("abc\r\nab\r\n", 3).get(1).text()).isEqualTo("ab");
    }

    @Test
    void lastLineWithoutNewline_isStillALine_andCrlfIsStripped() throws IOException {
        assertThat(read("a\r\nb", 10)).extracting(LineReader.Line::text).containsExactly("a", "b");
        assertThat(read("", 10)).isEmpty();
        assertThat(read("\n\n", 10)).extracting(LineReader.Line::text).containsExactly("", "");
    }

    @Test
    void longLineAcrossBufferRefills_keepsOnlyAPrefix() throws IOException {
        String huge = "x".repeat(200_000);
        List<LineReader.Line> out = read(huge + "\nok\n", 100_000);
        assertThat(out).hasSize(2);
        assertThat(out.get(0).tooLong()).isTrue();
        assertThat(out.get(0).text()).hasSize(LineReader.KEPT_PREFIX);
        assertThat(out.get(1).text()).isEqualTo("ok");
    }

    /** A stream that breaks InputStream's contract (a read of 0 bytes) is an error, as InputStreamReader made it. */
    @Test
    void aReadOfZeroBytes_isAnError_notTheEndOfInput() throws IOException {
        byte[] text = "a\nb\nc\n".getBytes(StandardCharsets.UTF_8);
        InputStream in = new InputStream() {
            int at;
            boolean zeroGiven;

            @Override
            public int read() {
                return at < text.length ? text[at++] : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (at == 2 && !zeroGiven) {
                    zeroGiven = true;
                    return 0;
                }
                if (at >= text.length) {
                    return -1;
                }
                int n = Math.min(2, Math.min(len, text.length - at));
                System.arraycopy(text, at, b, off, n);
                at += n;
                return n;
            }
        };
        LineReader r = new LineReader(in, 100);
        assertThat(r.next().text()).isEqualTo("a");
        org.assertj.core.api.Assertions.assertThatThrownBy(r::next)
                .isInstanceOf(IOException.class)
                .hasMessageContaining("zero bytes");
    }

    /** A stream whose available() fails is still read to its end (BufferedReader.ready() swallowed this too). */
    @Test
    void anAvailableThatThrows_stillReadsEveryLine() throws IOException {
        InputStream in =
                new java.io.FilterInputStream(new ByteArrayInputStream("a\nb\nc".getBytes(StandardCharsets.UTF_8))) {
                    @Override
                    public int available() throws IOException {
                        throw new IOException("cannot tell");
                    }
                };
        boolean[] announced = {false};
        LineReader r = new LineReader(in, 100, () -> announced[0] = true);
        List<String> lines = new ArrayList<>();
        for (LineReader.Line l = r.next(); l != null; l = r.next()) {
            lines.add(l.text());
        }
        assertThat(lines).containsExactly("a", "b", "c");
        assertThat(announced[0]).as("a read that may wait is announced").isTrue();
    }
}
