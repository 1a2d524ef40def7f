package io.github.sectrust4j.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.ReaderBasedJsonParser;
import com.fasterxml.jackson.core.sym.CharsToNameCanonicalizer;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Jackson's factory for request lines, whose parsers take a long string value with escapes that recent lines held,
 * written character for character alike, as the String decoded then instead of decoding it again: the lines of a run
 * mostly carry the same issuing CA and root, a few KB of PEM whose {@code \n} escapes make Jackson copy and decode it
 * character by character (a third of reading a line). Exact: a kept string is found by comparing every character of
 * its JSON text up to and including the closing quote, and decoding is a function of that text alone (the same
 * factory's limits passed on it); the parser then stands where the decoding would have left it. Bounded:
 * {@value #SLOTS} strings of {@value #MIN_CHARS} to {@value #MAX_CHARS} characters, each kept when decoded a second time
 * lately; the least used is replaced, so a stream of distinct leaves does not displace the CAs every line repeats. Thread-safe (kept strings are immutable;
 * their use counts are approximate). Only strings read in one piece from a line held whole ({@code readTree(String)}
 * of lines up to 32K characters) are kept or found; any other is decoded as Jackson always does.
 */
final class RepeatedStringsJsonFactory extends JsonFactory {
    private static final long serialVersionUID = 1L;

    static final int SLOTS = 8;
    static final int MIN_CHARS = 256;
    static final int MAX_CHARS = 16 * 1024;

    /** One string: its JSON text between the quotes, and its value. */
    private static final class Kept {
        final char[] json;
        final String value;
        /** Lines that found it (racy: a lost count only changes which string is replaced next). */
        int uses;

        Kept(char[] json, String value) {
            this.json = json;
            this.value = value;
        }
    }

    private final transient AtomicReferenceArray<Kept> kept = new AtomicReferenceArray<>(SLOTS);

    /**
     * Sampled hashes of the long strings decoded lately: a string is kept when it is decoded a second time, so the
     * distinct leaf of every line is never copied. Racy on purpose: a lost or torn entry only delays a keep.
     */
    private final transient int[] sightings = new int[4 * SLOTS];

    private transient int nextSighting;

    RepeatedStringsJsonFactory(JsonFactoryBuilder builder) {
        super(builder);
    }

    private RepeatedStringsJsonFactory(RepeatedStringsJsonFactory source, ObjectCodec codec) {
        super(source, codec);
    }

    @Override
    public JsonFactory copy() {
        return new RepeatedStringsJsonFactory(this, null);
    }

    @Override
    protected JsonParser _createParser(char[] data, int offset, int len, IOContext ctxt, boolean recyclable) {
        // as JsonFactory's own, with the parser below
        return new Parser(
                ctxt,
                _parserFeatures,
                _objectCodec,
                _rootCharSymbols.makeChild(),
                data,
                offset,
                offset + len,
                recyclable);
    }

    /** How many strings are kept (tests). */
    int keptCount() {
        int n = 0;
        for (int i = 0; i < SLOTS; i++) {
            n += kept.get(i) == null ? 0 : 1;
        }
        return n;
    }

    /** The kept string whose JSON text is {@code buffer[from, ...)} up to a closing quote, or null. */
    private Kept find(char[] buffer, int from, int end) {
        for (int i = 0; i < SLOTS; i++) {
            Kept k = kept.get(i);
            if (k == null) {
                continue;
            }
            int quote = from + k.json.length;
            if (quote < end && buffer[quote] == '"' && Arrays.equals(buffer, from, quote, k.json, 0, k.json.length)) {
                k.uses++;
                return k;
            }
        }
        return null;
    }

    /** Whether the JSON text {@code buffer[from, to)} was decoded lately (by its sampled hash); notes it if not. */
    private boolean seenBefore(char[] buffer, int from, int to) {
        int length = to - from;
        int step = Math.max(1, length / 32);
        int h = length;
        for (int i = from; i < to; i += step) {
            h = 31 * h + buffer[i];
        }
        h |= 1; // never the empty entry's 0
        for (int i = 0; i < sightings.length; i++) {
            if (sightings[i] == h) {
                return true;
            }
        }
        int at = nextSighting;
        sightings[at] = h;
        nextSighting = (at + 1) % sightings.length;
        return false;
    }

    /** Keeps the string whose JSON text is {@code buffer[from, to)} in the least used slot. */
    private void keep(char[] buffer, int from, int to, String value) {
        int slot = 0;
        int fewest = Integer.MAX_VALUE;
        for (int i = 0; i < SLOTS; i++) {
            Kept k = kept.get(i);
            int uses = k == null ? -1 : k.uses;
            if (uses < fewest) {
                fewest = uses;
                slot = i;
            }
        }
        kept.set(slot, new Kept(Arrays.copyOfRange(buffer, from, to), value));
    }

    /** Jackson's parser of a line held whole, finding and keeping long strings with escapes. */
    private final class Parser extends ReaderBasedJsonParser {
        Parser(
                IOContext ctxt,
                int features,
                ObjectCodec codec,
                CharsToNameCanonicalizer symbols,
                char[] input,
                int start,
                int end,
                boolean recyclable) {
            super(ctxt, features, null, codec, symbols, input, start, end, recyclable);
        }

        /**
         * Called by {@code _finishString} at a string's first escape, with the characters before it copied to the
         * text buffer and {@code _inputPtr} at the escape: the string began that many characters before.
         */
        @Override
        protected void _finishString2() throws IOException {
            int from = _inputPtr - _textBuffer.size();
            Kept known = find(_inputBuffer, from, _inputEnd);
            if (known != null) {
                _textBuffer.resetWithString(known.value);
                _inputPtr = from + known.json.length + 1; // past the closing quote, as decoding leaves it
                return;
            }
            long before = _currInputProcessed;
            decodeRest();
            int length = _inputPtr - 1 - from;
            if (_currInputProcessed == before
                    && length >= MIN_CHARS
                    && length <= MAX_CHARS
                    && seenBefore(_inputBuffer, from, _inputPtr - 1)) {
                // read in one piece (no more input loaded meanwhile): buffer[from, _inputPtr - 1) is its JSON text
                keep(_inputBuffer, from, _inputPtr - 1, _textBuffer.contentsAsString());
            }
        }

        /**
         * Jackson's {@code _finishString2} with the characters between escapes appended a run at a time instead of
         * one by one (a PEM string is 64-character lines between {@code \n} escapes): each escape is Jackson's own
         * {@code _decodeEscaped}; a control character, or the end of what was read before the closing quote, is
         * left to Jackson's loop where it stands, with the text buffer holding what it would hold there.
         */
        private void decodeRest() throws IOException {
            char[] in = _inputBuffer;
            int end = _inputEnd;
            int ptr = _inputPtr;
            while (true) {
                int run = ptr;
                while (ptr < end) {
                    char c = in[ptr];
                    if (c == '"' || c == '\\' || c < 0x20) { // INPUT_CODES_LATIN1: what ends a run
                        break;
                    }
                    ptr++;
                }
                if (ptr > run) {
                    _textBuffer.append(in, run, ptr - run);
                }
                if (ptr == end || in[ptr] < 0x20) {
                    _inputPtr = ptr;
                    super._finishString2(); // more input to load, the end of input, or an unescaped control char
                    return;
                }
                _inputPtr = ptr + 1;
                if (in[ptr] == '"') {
                    return;
                }
                _textBuffer.append(_decodeEscaped()); // reads the escape after the backslash, moves _inputPtr on
                in = _inputBuffer; // as Jackson's loop does, whatever reading the escape loaded
                end = _inputEnd;
                ptr = _inputPtr;
            }
        }
    }
}
