import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * CI check: the JSON lines of README command 1 agree with examples/expected.jsonl — per scenario the
 * same id, verdict, result, error and set of failing checks. Run with the CLI jar on the class path
 * (it carries Jackson): java -cp core/target/sectrust4j.jar .ci/CheckExamples.java OUT EXPECTED
 */
public class CheckExamples {
    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> got = Files.readAllLines(Path.of(args[0]));
        List<String> want = Files.readAllLines(Path.of(args[1]));
        List<String> problems = new ArrayList<>();
        if (got.size() != want.size()) {
            problems.add(got.size() + " responses for " + want.size() + " expected scenarios");
        }
        for (int i = 0; i < Math.min(got.size(), want.size()); i++) {
            JsonNode g = json.readTree(got.get(i));
            JsonNode w = json.readTree(want.get(i));
            String id = w.path("id").asText();
            TreeSet<String> failing = new TreeSet<>();
            g.path("findings").forEach(f -> {
                if (!"INFO".equals(f.path("severity").asText())) {
                    failing.add(f.path("code").asText());
                }
            });
            TreeSet<String> checks = new TreeSet<>();
            w.path("checks").forEach(c -> checks.add(c.asText()));
            if (!id.equals(g.path("id").asText())
                    || g.path("trusted").asBoolean() != w.path("trusted").asBoolean()
                    || !g.path("result").asText().equals(w.path("result").asText())
                    || !g.path("error").path("name").asText().equals(w.path("error").path("name").asText())
                    || !failing.equals(checks)) {
                problems.add(id + ": got trusted=" + g.path("trusted") + " " + g.path("result").asText() + " "
                        + g.path("error").path("name").asText() + " " + failing + "; expected " + w);
            }
        }
        problems.forEach(p -> System.out.println("CI: example mismatch: " + p));
        System.out.println((want.size() - problems.size()) + " passed, " + problems.size() + " failed");
        System.exit(problems.isEmpty() ? 0 : 1);
    }
}
