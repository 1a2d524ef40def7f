package io.github.sectrust4j.cli;

import io.github.sectrust4j.text.Excerpt;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The one way the command line reads a file a user names (chain, {@code --anchor}, {@code --ocsp},
 * {@code --exceptions}, ...). Only a regular file (after following symbolic links) is read — a FIFO
 * would block forever, {@code /dev/zero} never ends, a directory is no input — and never more than
 * the limit the caller states. Every refusal is an {@link InputError} (exit status 2, one line) that
 * names what the file was for, the file, and the limit.
 */
final class InputFiles {
    /** The limit for certificate, OCSP, SCT, log-list and exception files: ample for any real one. */
    static final long MAX_BYTES = 4L * 1024 * 1024;

    private InputFiles() {}

    /** The bytes of {@code file}, which holds {@code what} (e.g. "--anchor"), at most {@code maxBytes}. */
    static byte[] read(Path file, String what, long maxBytes) {
        regularFile(file, what, maxBytes);
        try (InputStream in = Files.newInputStream(file)) {
            // the size was checked above; the bounded read also covers a file swapped or grown since
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw tooLarge(file, what, maxBytes);
            }
            return bytes;
        } catch (IOException e) {
            throw cannotRead(file, what, e);
        }
    }

    /**
     * Writes {@code bytes} to {@code file}, which the user named for {@code what} (e.g. "--save-chain"):
     * a new or regular file only — writing to a FIFO would wait for a reader forever, a device is no output.
     */
    static void write(Path file, String what, byte[] bytes) {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new InputError(what + ": cannot write " + Excerpt.of(file.toString()) + ": not a regular file");
        }
        try {
            Files.write(file, bytes);
        } catch (IOException | RuntimeException e) {
            String why = e instanceof java.nio.file.NoSuchFileException
                    ? "its folder does not exist"
                    : e instanceof AccessDeniedException ? "permission denied" : String.valueOf(e.getMessage());
            throw new InputError(what + ": cannot write " + Excerpt.of(file.toString()) + ": " + why);
        }
    }

    /** The bytes of {@code file} with the default limit {@link #MAX_BYTES}. */
    static byte[] read(Path file, String what) {
        return read(file, what, MAX_BYTES);
    }

    /**
     * Checks that {@code file} is a readable regular file of at most {@code maxBytes}, for inputs
     * another library opens itself (the Valid database). Returns the file.
     */
    static Path regularFile(Path file, String what, long maxBytes) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class); // follows symbolic links
        } catch (IOException e) {
            throw cannotRead(file, what, e);
        }
        if (attributes.isDirectory()) {
            throw new InputError(what + ": cannot read " + Excerpt.of(file.toString()) + ": is a directory");
        }
        if (!attributes.isRegularFile()) {
            throw new InputError(what + ": cannot read " + Excerpt.of(file.toString())
                    + ": not a regular file (a device, FIFO or socket is no input)");
        }
        if (attributes.size() > maxBytes) {
            throw tooLarge(file, what, maxBytes);
        }
        if (!Files.isReadable(file)) {
            throw new InputError(what + ": cannot read " + Excerpt.of(file.toString()) + ": permission denied");
        }
        return file;
    }

    /** A path given as text (a batch field): an {@link InputError} if it is not a path at all. */
    static Path path(String text, String what) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new InputError(what + ": not a file path: '" + Excerpt.of(text) + "'");
        }
    }

    private static InputError tooLarge(Path file, String what, long maxBytes) {
        return new InputError(what + ": cannot read " + Excerpt.of(file.toString()) + ": larger than " + maxBytes
                + " bytes (the limit for this input)");
    }

    private static InputError cannotRead(Path file, String what, IOException e) {
        String why = e instanceof NoSuchFileException
                ? "no such file"
                : e instanceof AccessDeniedException ? "permission denied" : Excerpt.of(String.valueOf(e.getMessage()));
        return new InputError(what + ": cannot read " + Excerpt.of(file.toString()) + ": " + why, e);
    }
}
