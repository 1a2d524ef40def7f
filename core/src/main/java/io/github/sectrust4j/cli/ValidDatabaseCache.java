package io.github.sectrust4j.cli;

import io.github.sectrust4j.revocation.ValidDatabase;
import io.github.sectrust4j.text.Excerpt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Valid databases a batch run has open: opening costs up to a second, a lookup microseconds, but
 * each open database holds native memory (SQLite's page cache). So the cache is keyed by the file
 * itself (device and inode, else the real path: symbolic links, {@code /proc/self/root/...} or
 * {@code ..} give one file many names), holds at most {@value #MAX_OPEN} databases, and closes the
 * least recently used one that falls out — once the last evaluation using it has released it.
 * Thread-safe.
 */
final class ValidDatabaseCache {
    /** Open databases kept at most (a batch usually names one or two). */
    static final int MAX_OPEN = 4;

    /** One open database and how many requests are using it. */
    private static final class Entry {
        final ValidDatabase database;
        int users;
        boolean evicted;

        Entry(ValidDatabase database) {
            this.database = database;
        }
    }

    /** A request's use of a database; close it when the evaluation is over (idempotent). */
    final class Lease implements AutoCloseable {
        private final Entry entry;
        private boolean released;

        private Lease(Entry entry) {
            this.entry = entry;
        }

        ValidDatabase database() {
            return entry.database;
        }

        @Override
        public void close() {
            synchronized (ValidDatabaseCache.this) {
                if (!released) {
                    released = true;
                    entry.users--;
                    closeIfUnused(entry);
                }
            }
        }
    }

    private final LinkedHashMap<Object, Entry> open = new LinkedHashMap<>(16, 0.75f, true);

    /**
     * The database in {@code file} (a regular file), opened if needed, for one request.
     *
     * @throws RuntimeException as {@link ValidDatabase#open} when the file is not a usable Valid database
     */
    synchronized Lease acquire(Path file) {
        Object key = identity(file);
        Entry entry = open.get(key);
        if (entry == null) {
            // opened under the lock: at most one open per file, and opening is bounded (ValidDatabase)
            entry = new Entry(ValidDatabase.open(file));
            open.put(key, entry);
            evictBeyondLimit();
        }
        entry.users++;
        return new Lease(entry);
    }

    /** Databases evicted from the cache but still in use (closed when released). */
    private int evictedInUse;

    /** Number of databases currently open, in the cache or still in use (for tests). */
    synchronized int openCount() {
        return open.size() + evictedInUse;
    }

    private void evictBeyondLimit() {
        Iterator<Map.Entry<Object, Entry>> eldest = open.entrySet().iterator();
        while (open.size() > MAX_OPEN && eldest.hasNext()) {
            Entry e = eldest.next().getValue();
            eldest.remove();
            e.evicted = true;
            evictedInUse++;
            closeIfUnused(e);
        }
    }

    private void closeIfUnused(Entry e) {
        if (e.evicted && e.users == 0) { // reached once: an evicted entry gets no new users
            e.database.close();
            evictedInUse--;
        }
    }

    /** What makes two paths the same file: (device, inode) where the platform has it, else the real path. */
    private static Object identity(Path file) {
        try {
            Path real = file.toRealPath();
            Object key = Files.readAttributes(real, BasicFileAttributes.class).fileKey();
            return key != null ? key : real;
        } catch (IOException e) {
            throw new InputError(
                    "revocationDatabase: cannot read " + Excerpt.of(file.toString()) + ": "
                            + Excerpt.of(String.valueOf(e.getMessage())),
                    e);
        }
    }
}
