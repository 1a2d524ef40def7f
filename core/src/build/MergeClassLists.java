import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Build step (core/pom.xml, "cds-archive"): merges class lists written by -XX:DumpLoadedClassList into one for
 * -Xshare:dump. Each line is kept once, at its first place: JDK 17's dump crashes on a lambda-proxy line given twice,
 * so the lists cannot simply be concatenated. Run as a source file: {@code java MergeClassLists.java OUT IN...}.
 */
public final class MergeClassLists {
    private MergeClassLists() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: java MergeClassLists.java OUT IN...");
        }
        Set<String> lines = new LinkedHashSet<>();
        List<String> header = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            for (String line : Files.readAllLines(Path.of(args[i]), StandardCharsets.UTF_8)) {
                if (line.startsWith("#")) {
                    if (i == 1) {
                        header.add(line); // the first list's note; the others repeat it
                    }
                } else if (!line.isBlank()) {
                    lines.add(line);
                }
            }
        }
        List<String> out = new ArrayList<>(header);
        out.addAll(lines);
        Files.write(Path.of(args[0]), out, StandardCharsets.UTF_8);
    }
}
