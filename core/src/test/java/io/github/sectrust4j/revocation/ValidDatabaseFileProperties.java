package io.github.sectrust4j.revocation;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/** Random files are never opened as a Valid database, and fail with the one clear error type. */
class ValidDatabaseFileProperties {
    @Property(tries = 30)
    void randomFiles_neverOpen_andNeverThrowAnythingButTheClearError(@ForAll @Size(max = 2000) byte[] content)
            throws Exception {
        Statistics.collect(content.length == 0 ? "empty" : "some bytes");
        Statistics.coverage(c -> {
            c.check("some bytes").percentage(p -> p > 50);
        });
        Path file = Files.createTempFile("valid-garbage", ".sqlite3");
        try {
            Files.write(file, content);
            assertThatThrownBy(() -> ValidDatabase.open(file)).isInstanceOf(ValidDatabaseException.class);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
