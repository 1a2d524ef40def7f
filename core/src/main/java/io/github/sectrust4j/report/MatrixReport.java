package io.github.sectrust4j.report;

import io.github.sectrust4j.Finding;
import io.github.sectrust4j.HostName;
import io.github.sectrust4j.TrustMatrix;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.VerdictChange;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Renders a {@link TrustMatrix} for admins: notices about the names given, one table row per
 * (name, release) with the verdict, the one error iOS reports and its fix, the names missing from the
 * certificate as one remedy, where the verdict changes between releases and why, then every report.
 */
public final class MatrixReport {
    private MatrixReport() {}

    public static String render(TrustMatrix m) {
        StringBuilder out = new StringBuilder();
        Set<String> notices = new LinkedHashSet<>();
        for (Optional<HostName> h : m.hosts()) {
            h.flatMap(HostName::notice).ifPresent(notices::add);
        }
        for (String n : notices) {
            out.append("Note: ").append(n).append('\n');
        }
        long trusted = m.cells().stream().filter(c -> c.report().trusted()).count();
        out.append(notices.isEmpty() ? "" : "\n")
                .append(m.hosts().size())
                .append(m.hosts().size() == 1 ? " name" : " names")
                .append(" × ")
                .append(m.releases().size())
                .append(m.releases().size() == 1 ? " iOS release" : " iOS releases")
                .append(": ")
                .append(trusted)
                .append(" of ")
                .append(m.cells().size())
                .append(" trusted\n\n");
        table(m, out);
        missing(m, out);
        if (m.releases().size() > 1) {
            List<VerdictChange> changes = m.changes();
            out.append("\nWhere the verdict changes:\n");
            if (changes.isEmpty()) {
                out.append("  nowhere: each name gets the same verdict on every release evaluated\n");
            }
            for (VerdictChange c : changes) {
                out.append("  ")
                        .append(c.host().orElse("(no host-name check)"))
                        .append(": ")
                        .append(c.explain())
                        .append('\n');
            }
        }
        out.append("\nDetails:\n");
        for (TrustMatrix.Cell c : m.cells()) {
            out.append("\n=== ")
                    .append(c.name())
                    .append(", iOS ")
                    .append(c.release())
                    .append(" ===\n")
                    .append(c.report().explain());
        }
        return out.toString();
    }

    private static void table(TrustMatrix m, StringBuilder out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NAME", "iOS", "VERDICT", "ERROR", "FIX"});
        for (TrustMatrix.Cell c : m.cells()) {
            TrustReport r = c.report();
            rows.add(new String[] {
                c.name(),
                c.release().toString(),
                r.trusted() ? "trusted" : "NOT TRUSTED",
                r.error().map(e -> e.appleName()).orElse("-"),
                fix(r)
            });
        }
        int[] width = new int[4];
        for (String[] row : rows) {
            for (int i = 0; i < width.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < width.length; i++) {
                line.append(row[i]).append(" ".repeat(width[i] - row[i].length() + 2));
            }
            out.append(line.append(row[4]).toString().stripTrailing()).append('\n');
        }
    }

    /** The first sentence of the remedy of the finding behind the reported error ("-" when trusted). */
    private static String fix(TrustReport r) {
        if (r.trusted()) {
            return "-";
        }
        Optional<Finding> reported =
                r.failures().stream().filter(f -> f.error().equals(r.error())).findFirst();
        Optional<Finding> f = reported.or(() -> r.failures().stream().findFirst());
        if (f.isEmpty() || f.get().remedy().isEmpty()) {
            return "see details";
        }
        String remedy = f.get().remedy();
        int end = remedy.indexOf(". ");
        return end < 0 ? remedy : remedy.substring(0, end + 1);
    }

    private static void missing(TrustMatrix m, StringBuilder out) {
        List<String> dns = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        for (String name : m.missingSanNames()) {
            boolean ip = m.hosts().stream()
                    .flatMap(Optional::stream)
                    .anyMatch(h -> h.value().equals(name) && h.isIpLiteral());
            (ip ? ips : dns).add(name);
        }
        if (dns.isEmpty() && ips.isEmpty()) {
            return;
        }
        out.append("\nMissing from the certificate:\n");
        if (!dns.isEmpty()) {
            out.append("  Add these DNS names to the certificate's SAN: ")
                    .append(String.join(", ", dns))
                    .append('\n');
        }
        if (!ips.isEmpty()) {
            out.append("  Add these IP addresses to the certificate's SAN (iPAddress entries): ")
                    .append(String.join(", ", ips))
                    .append('\n');
        }
    }
}
