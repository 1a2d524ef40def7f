package io.github.sectrust4j.revocation;

import java.nio.file.Path;

/** A Valid database file that cannot be used: missing, not SQLite, wrong schema, corrupt. Names the path. */
public final class ValidDatabaseException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    ValidDatabaseException(Path path, String problem, Throwable cause) {
        super("Valid database " + path + ": " + problem, cause);
    }
}
