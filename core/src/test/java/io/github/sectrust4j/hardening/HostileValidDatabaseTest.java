package io.github.sectrust4j.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sectrust4j.cli.Cli;
import io.github.sectrust4j.conformance.ExampleFiles;
import io.github.sectrust4j.revocation.ValidDatabase;
import io.github.sectrust4j.revocation.ValidDatabaseException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A 40 KB SQLite file with Apple's columns, whose {@code admin} or {@code issuers} "table" is a view over
 * an endless recursive query, used to spin at 100 % CPU forever in {@code ValidDatabase.open} or in the
 * first lookup. Views, virtual tables and generated columns (an expression computed on every read) are
 * refused when the file is opened.
 */
class HostileValidDatabaseTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);
    private static final String ENDLESS = "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) ";
    private static final List<String> TABLES = List.of(
            "CREATE TABLE admin(key TEXT PRIMARY KEY NOT NULL,ival INTEGER NOT NULL,value BLOB)",
            "CREATE TABLE issuers(groupid INTEGER NOT NULL,issuer_hash BLOB PRIMARY KEY NOT NULL)",
            "CREATE TABLE groups(groupid INTEGER PRIMARY KEY AUTOINCREMENT,flags INTEGER,format INTEGER,"
                    + "data BLOB,policies BLOB)",
            "CREATE TABLE serials(groupid INTEGER NOT NULL,serial BLOB NOT NULL,UNIQUE(groupid,serial))",
            "CREATE TABLE hashes(groupid INTEGER NOT NULL,sha256 BLOB NOT NULL,UNIQUE(groupid,sha256))",
            "CREATE TABLE dates(groupid INTEGER PRIMARY KEY NOT NULL,notbefore REAL,notafter REAL)");

    @TempDir
    Path dir;

    /** Apple's schema with {@code table} replaced by {@code replacement}. */
    private Path database(String table, String replacement) throws Exception {
        Path db = dir.resolve(table + ".sqlite3");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement st = c.createStatement()) {
            for (String sql : TABLES) {
                st.execute(sql.startsWith("CREATE TABLE " + table + "(") ? replacement : sql);
            }
        }
        return db;
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "issuers"})
    void tableReplacedByAnEndlessRecursiveView_isRefusedAtOpening(String table) throws Exception {
        String columns = table.equals("admin")
                ? "'version' AS key, n AS ival, NULL AS value"
                : "n AS groupid, randomblob(32) AS issuer_hash";
        Path db = database(table, "CREATE VIEW " + table + " AS " + ENDLESS + "SELECT " + columns + " FROM r");

        assertThatThrownBy(() -> assertTimeoutPreemptively(HANG_GUARD, () -> ValidDatabase.open(db)))
                .isInstanceOf(ValidDatabaseException.class)
                .hasMessageContaining("view");
    }

    @Test
    void virtualTableInPlaceOfATable_isRefused() throws Exception {
        Path db = database("hashes", "CREATE VIRTUAL TABLE hashes USING fts5(groupid, sha256)");

        assertThatThrownBy(() -> assertTimeoutPreemptively(HANG_GUARD, () -> ValidDatabase.open(db)))
                .isInstanceOf(ValidDatabaseException.class)
                .hasMessageContaining("'hashes' is not a plain table");
    }

    @Test
    void generatedColumn_isRefused() throws Exception {
        Path db = database(
                "issuers",
                "CREATE TABLE issuers(groupid INTEGER NOT NULL,"
                        + "issuer_hash BLOB GENERATED ALWAYS AS (zeroblob(900000000)) VIRTUAL)");

        assertThatThrownBy(() -> assertTimeoutPreemptively(HANG_GUARD, () -> ValidDatabase.open(db)))
                .isInstanceOf(ValidDatabaseException.class)
                .hasMessageContaining("generated or hidden column 'issuer_hash'");
    }

    @Test
    void batchLineNamingSuchADatabase_getsAnInputError_andTheNextLineIsAnswered() throws Exception {
        Path db = database(
                "issuers",
                "CREATE VIEW issuers AS " + ENDLESS + "SELECT n AS groupid, randomblob(32) AS issuer_hash FROM r");
        ObjectMapper json = new ObjectMapper();
        String good = Files.readAllLines(ExampleFiles.examples().resolve("requests.jsonl"))
                .get(0);
        String hostile = ((com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(good))
                .put("id", "view")
                .put("revocationDatabase", db.toString())
                .toString();

        Cli.Run run = assertTimeoutPreemptively(HANG_GUARD, () -> Cli.withStdin(hostile + "\n" + good + "\n", "batch"));

        List<JsonNode> out = new ArrayList<>();
        for (String line : run.outLines()) {
            out.add(json.readTree(line));
        }
        assertThat(out).hasSize(2);
        assertThat(out.get(0).at("/error/input").asText())
                .startsWith("revocationDatabase: ")
                .contains("view");
        assertThat(out.get(1).has("trusted")).isTrue();
    }
}
