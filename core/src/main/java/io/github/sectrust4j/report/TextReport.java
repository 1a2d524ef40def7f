package io.github.sectrust4j.report;

import io.github.sectrust4j.Finding;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.PathCertificate;
import io.github.sectrust4j.TrustReport;

/** Renders a {@link TrustReport} for admins: verdict, path, findings with remedies. */
public final class TextReport {
    private TextReport() {}

    /** Most findings {@link #summary} lists one per line; the rest are counted. */
    private static final int SUMMARY_FINDINGS = 5;

    /**
     * A few lines for a REPL or a log: verdict and error, the path, the failures (then information), and
     * where the remedies are. {@link TrustReport#toString()}; jshell prints it for a report value.
     */
    public static String summary(TrustReport r) {
        StringBuilder out = new StringBuilder();
        out.append(r.trusted() ? "TRUSTED" : "NOT TRUSTED")
                .append(" on iOS ")
                .append(r.release())
                .append(r.host().map(h -> " for " + shown(h)).orElse(" (no host-name check)"))
                .append(" at ")
                .append(r.evaluatedAt())
                .append(": ")
                .append(r.result().name());
        r.error().ifPresent(e -> out.append(", ").append(e));
        out.append("\n  path:");
        for (int i = 0; i < r.path().size(); i++) {
            PathCertificate c = r.path().get(i);
            out.append(i == 0 ? " " : " <- ").append('[').append(i).append("] ").append(shown(c.subject()));
            c.anchorSource()
                    .ifPresent(s -> out.append(" (anchor: ").append(s.label()).append(')'));
        }
        java.util.List<Finding> ordered = new java.util.ArrayList<>(r.failures());
        r.findings().stream().filter(f -> !f.isFailure()).forEach(ordered::add);
        ordered.stream().limit(SUMMARY_FINDINGS).forEach(f -> out.append("\n  ").append(line(f)));
        if (ordered.size() > SUMMARY_FINDINGS) {
            out.append("\n  … and ").append(ordered.size() - SUMMARY_FINDINGS).append(" more finding(s)");
        }
        return out.append("\n  (explain() gives the path, every finding and its fix)")
                .toString();
    }

    /** One line per finding: code, certificate index, severity, message. {@link Finding#toString()}. */
    public static String line(Finding f) {
        return f.code().code() + (f.certificateIndex() >= 0 ? " at [" + f.certificateIndex() + "]" : "") + " "
                + f.severity() + ": " + shown(f.message());
    }

    public static String render(TrustReport r) {
        StringBuilder out = new StringBuilder();
        boolean byException = r.trusted() && r.findings().stream().anyMatch(Finding::exceptedByUser);
        out.append(r.trusted() ? byException ? "TRUSTED ONLY BY THE USER'S EXCEPTION" : "TRUSTED" : "NOT TRUSTED")
                .append(" — iOS ")
                .append(r.release())
                .append(r.host().map(h -> ", host " + shown(h)).orElse(", no host-name check"))
                .append(", at ")
                .append(r.evaluatedAt());
        r.trustStoreVersion().ifPresent(v -> out.append(", trust store ").append(v));
        out.append('\n');
        out.append("Result: ").append(r.result().name());
        r.error()
                .ifPresent(
                        e -> out.append(" — SecTrustEvaluateWithError reports ").append(e));
        if (r.trusted()) {
            out.append("\nCertificate Transparency: ")
                    .append(r.certificateTransparency() ? "qualified" : "not qualified")
                    .append("; Extended Validation: ")
                    .append(
                            r.extendedValidation()
                                    ? "yes"
                                            + r.info()
                                                    .organization()
                                                    .map(o -> " (" + o + ")")
                                                    .orElse("")
                                    : "no")
                    .append("; revocation checked: ")
                    .append(
                            r.revocationChecked()
                                    ? "yes"
                                            + r.info()
                                                    .revocationValidUntil()
                                                    .map(t -> " (valid until " + t + ")")
                                                    .orElse("")
                                    : "no");
        }
        r.info()
                .revocationReason()
                .ifPresent(x -> out.append("\nRevocation reason: ").append(x));
        out.append("\n\nPath:\n");
        for (int i = 0; i < r.path().size(); i++) {
            PathCertificate c = r.path().get(i);
            out.append("  [").append(i).append("] ").append(c.role().label());
            c.anchorSource().ifPresent(s -> out.append(" (").append(s.label()).append(')'));
            out.append(": ")
                    .append(shown(c.subject()))
                    .append("\n      issuer ")
                    .append(shown(c.issuer()))
                    .append("; valid ")
                    .append(c.notBefore())
                    .append(" to ")
                    .append(c.notAfter())
                    .append(c.presented() ? "; sent by the server" : "; not sent by the server")
                    .append("\n      sha256 ")
                    .append(c.sha256())
                    .append('\n');
        }
        if (r.findings().isEmpty()) {
            out.append("\nNo findings.\n");
            return out.toString();
        }
        out.append("\nFindings:\n");
        for (Finding f : r.findings()) {
            out.append("  ").append(f.severity()).append(' ').append(f.code().code());
            if (f.certificateIndex() >= 0) {
                out.append(" at [").append(f.certificateIndex()).append(']');
            }
            out.append(": ").append(shown(f.message())).append('\n');
            if (!f.remedy().isEmpty()) {
                out.append("      Fix: ").append(shown(f.remedy())).append('\n');
            }
            if (needsProfile(r, f)) {
                out.append(
                                "      Profile: sectrust4j profile --root ROOT.pem -o root.mobileconfig writes a configuration "
                                        + "profile that installs '")
                        .append(shown(f.subject()))
                        .append("' (ROOT.pem: that root as PEM)\n");
            }
            out.append("      Rule: ")
                    .append(f.rule().summary())
                    .append(" (spec ")
                    .append(f.rule().section())
                    .append(", ")
                    .append(f.rule()
                            .source()
                            .name()
                            .toLowerCase(java.util.Locale.ROOT)
                            .replace('_', ' '))
                    .append(f.rule().effective().map(e -> ", effective " + e).orElse(""))
                    .append(")\n");
        }
        return out.toString();
    }

    /**
     * Certificate text (names, and messages quoting them) as one line: a control character or line separator a
     * certificate carries is shown as {@code ?}, so a name can neither forge a line of the report nor drive the
     * terminal (ESC sequences).
     */
    private static String shown(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints()
                .forEach(c -> out.appendCodePoint(Character.isISOControl(c) || c == 0x2028 || c == 0x2029 ? '?' : c));
        return out.toString();
    }

    /**
     * An untrusted self-signed top the server sent (AnchorTrusted): the device does not have it, and a configuration
     * profile is how it gets there. A top the server did not send is already on the device: full trust is the fix.
     */
    private static boolean needsProfile(TrustReport r, Finding f) {
        if (f.code() != FindingCode.ANCHOR_TRUSTED
                || f.certificateIndex() < 0
                || f.certificateIndex() >= r.path().size()) {
            return false;
        }
        PathCertificate top = r.path().get(f.certificateIndex());
        return top.selfSigned() && top.presented();
    }
}
