package io.github.sectrust4j.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;

/** Runs {@link Main} in-process with captured stdout/stderr (no forking); also used by the hardening tests. */
public final class Cli {
    /** What one run produced. */
    public record Run(int status, String out, String err) {
        public List<String> outLines() {
            return out.lines().toList();
        }
    }

    static {
        // hermetic runs: never the developer's CT log list cache (stores update); tests that want one pass --cache-dir
        if (System.getProperty(io.github.sectrust4j.ct.CtLogCache.PROPERTY) == null) {
            System.setProperty(
                    io.github.sectrust4j.ct.CtLogCache.PROPERTY,
                    java.nio.file.Path.of("target", "no-ct-log-cache")
                            .toAbsolutePath()
                            .toString());
        }
    }

    private Cli() {}

    public static Run run(String... args) {
        return run(new ByteArrayInputStream(new byte[0]), args);
    }

    public static Run withStdin(String stdin, String... args) {
        return run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), args);
    }

    /** One batch request line through {@code batch}; its response object. */
    public static com.fasterxml.jackson.databind.JsonNode batchOne(
            com.fasterxml.jackson.databind.node.ObjectNode request) {
        try {
            Run run = withStdin(BatchProcessor.MAPPER.writeValueAsString(request) + "\n", "batch");
            return BatchProcessor.MAPPER.readTree(run.out());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A batch request with id, chain (PEM), host and instant, for {@link #batchOne} (more fields are put by the caller). */
    public static com.fasterxml.jackson.databind.node.ObjectNode request(String host, String at, String... chainPem) {
        com.fasterxml.jackson.databind.node.ObjectNode req = BatchProcessor.MAPPER.createObjectNode();
        req.put("id", "r");
        com.fasterxml.jackson.databind.node.ArrayNode chain = req.putArray("chain");
        for (String pem : chainPem) {
            chain.add(pem);
        }
        req.put("host", host);
        req.put("at", at);
        return req;
    }

    public static Run run(InputStream stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = Main.commandLine(stdin, args.length == 0 ? "" : args[0]); // as Main.main builds it
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int status = cmd.execute(args);
        return new Run(status, out.toString(), err.toString());
    }
}
