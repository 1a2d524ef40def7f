package io.github.sectrust4j.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad Valid database files get a clear error naming the path; a minimal well-formed one is read right. */
class ValidDatabaseFileTest {
    @TempDir
    Path dir;

    @Test
    void missingFile_isAClearError() {
        Path missing = dir.resolve("absent.sqlite3");
        assertThatThrownBy(() -> ValidDatabase.open(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("no such file");
        assertThat(Files.exists(missing)).isFalse(); // read-only: nothing created
    }

    @Test
    void nonSqliteFile_isRejectedByItsHeader() throws Exception {
        Path garbage = Files.write(dir.resolve("garbage.db"), "not a database at all".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ValidDatabase.open(garbage))
                .isInstanceOf(ValidDatabaseException.class)
                .hasMessageContaining(garbage.toString())
                .hasMessageContaining("not an SQLite 3 file");
    }

    @Test
    void sqliteHeaderFollowedByGarbage_isRejectedNotHung() throws Exception {
        byte[] bytes = new byte[8192];
        new java.util.Random(7).nextBytes(bytes);
        System.arraycopy("SQLite format 3\0".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 16);
        Path corrupt = Files.write(dir.resolve("corrupt.sqlite3"), bytes);
        assertThatThrownBy(() -> ValidDatabase.open(corrupt))
                .isInstanceOf(ValidDatabaseException.class)
                .hasMessageContaining(corrupt.toString());
    }

    @Test
    void sqliteDatabaseWithAnotherSchema_namesTheMissingTable() throws Exception {
        Path other = dir.resolve("other.sqlite3");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other);
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE people(name TEXT)");
        }
        assertThatThrownBy(() -> ValidDatabase.open(other))
                .isInstanceOf(ValidDatabaseException.class)
                .hasMessageContaining(other.toString())
                .hasMessageContaining("not a Valid database");
    }

    @Test
    void tableWithoutAnExpectedColumn_isNamed() throws Exception {
        Path db = createValidSchema("wrongcol.sqlite3", "CREATE TABLE hashes(groupid INTEGER, digest BLOB)");
        assertThatThrownBy(() -> ValidDatabase.open(db))
                .isInstanceOf(ValidDatabaseException.class)
                .hasMessageContaining("table 'hashes' lacks column 'sha256'");
    }

    @Test
    void minimalDatabase_answersSerialHashAndDateLookups_likeTheInMemoryOne() throws Exception {
        Path db =
                createValidSchema("mini.sqlite3", "CREATE TABLE hashes(groupid INTEGER NOT NULL,sha256 BLOB NOT NULL)");
        byte[] issuer = new byte[32];
        issuer[31] = 1;
        byte[] serial = HexFormat.of().parseHex("80ff01");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO groups(groupid, flags, format, data, policies) VALUES (1, 129, 1, NULL, NULL)");
                st.execute("INSERT INTO dates(groupid, notbefore, notafter) VALUES (1, -3155760000.0, 691545600.0)");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO issuers(groupid, issuer_hash) VALUES (1, ?)")) {
                ps.setBytes(1, issuer);
                ps.execute();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO serials(groupid, serial) VALUES (1, ?)")) {
                ps.setBytes(1, serial);
                ps.execute();
            }
        }
        try (ValidDatabase valid = ValidDatabase.open(db)) {
            // the DER form with its sign-padding zero finds the stored magnitude
            ValidInfo info = valid.lookup(ValidQuery.of(issuer, HexFormat.of().parseHex("0080ff01"), Optional.empty()))
                    .orElseThrow();
            assertThat(info.onList()).isTrue();
            assertThat(info.group().flags()).isEqualTo(Set.of(ValidFlag.COMPLETE, ValidFlag.DATE_CONSTRAINTS));
            assertThat(info.group().notAfter()).contains(java.time.Instant.parse("2022-12-01T00:00:00Z"));
            assertThat(valid.version()).isEmpty();

            InMemoryRevocationDatabase memory = InMemoryRevocationDatabase.builder()
                    .group(info.group(), issuer)
                    .serial(1, serial)
                    .build();
            assertThat(memory.lookup(ValidQuery.of(issuer, serial, Optional.empty())))
                    .contains(info);
        }
        ValidDatabase closed = ValidDatabase.open(db);
        closed.close();
        assertThatThrownBy(() -> closed.groupForIssuer(issuer)).isInstanceOf(IllegalStateException.class);
    }

    private Path createValidSchema(String name, String hashesTable) throws Exception {
        Path db = dir.resolve(name);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement st = c.createStatement()) {
            for (String sql : List.of(
                    "CREATE TABLE admin(key TEXT PRIMARY KEY NOT NULL,ival INTEGER NOT NULL,value BLOB)",
                    "CREATE TABLE issuers(groupid INTEGER NOT NULL,issuer_hash BLOB PRIMARY KEY NOT NULL)",
                    "CREATE TABLE groups(groupid INTEGER PRIMARY KEY AUTOINCREMENT,flags INTEGER,format INTEGER,"
                            + "data BLOB,policies BLOB)",
                    "CREATE TABLE serials(groupid INTEGER NOT NULL,serial BLOB NOT NULL,UNIQUE(groupid,serial))",
                    hashesTable,
                    "CREATE TABLE dates(groupid INTEGER PRIMARY KEY NOT NULL,notbefore REAL,notafter REAL)")) {
                st.execute(sql);
            }
        }
        return db;
    }
}
