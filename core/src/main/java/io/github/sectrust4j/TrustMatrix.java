package io.github.sectrust4j;

import static java.util.Objects.requireNonNull;

import io.github.sectrust4j.report.MatrixReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * One chain evaluated for many host names and iOS releases at once: the admin's question "will every
 * name my clients use work on every iPhone we have, and if not, what do I fix?".
 *
 * <pre>{@code
 * TrustMatrix m = SecTrust.ios("17.4").at(now).withProfileRoot(root, FullTrust.OFF)
 *         .evaluateAll(List.of(HostName.parse("sip.contoso.com"), HostName.parse("lyncdiscover.contoso.com")),
 *                      List.of(IosRelease.parse("10.2"), IosRelease.parse("10.3")), chain);
 * m.allTrusted();        // false
 * m.changes();           // "trusted until 10.2; from 10.3 not trusted (errSecNotTrusted): AnchorTrusted ..."
 * m.missingSanNames();   // [lyncdiscover.contoso.com] when the leaf does not name it
 * }</pre>
 *
 * <p>Each (host, release) is evaluated exactly once, with the same parsed certificates, at one instant
 * (the configuration's, or the moment {@link #evaluate} runs, fixed for all cells). Immutable and
 * deterministic: the same inputs give the same cells in the same order (hosts as given, then releases
 * as given; repeats are dropped).
 */
public final class TrustMatrix {
    /** Most evaluations one matrix makes (hosts × releases). */
    public static final int MAX_EVALUATIONS = 100_000;

    /**
     * One evaluation.
     *
     * @param host    the host name as given (with its notice), or empty for the configuration's own host setting
     * @param release the release evaluated
     * @param report  the result
     */
    public record Cell(Optional<HostName> host, IosRelease release, TrustReport report) {
        public Cell {
            requireNonNull(host, "host");
            requireNonNull(release, "release");
            requireNonNull(report, "report");
        }

        /** The name checked, as shown in reports: the host, or "(no host-name check)". */
        public String name() {
            return report.host().orElse("(no host-name check)");
        }
    }

    private final List<Optional<HostName>> hosts;
    private final List<IosRelease> releases;
    private final List<Cell> cells;

    private TrustMatrix(List<Optional<HostName>> hosts, List<IosRelease> releases, List<Cell> cells) {
        this.hosts = List.copyOf(hosts);
        this.releases = List.copyOf(releases);
        this.cells = List.copyOf(cells);
    }

    /**
     * Evaluates {@code chain} under {@code configuration} for every host ({@link SecTrust#forServer}) and
     * release ({@link SecTrust#forRelease}). With no hosts, the configuration's own host setting is used
     * (one row).
     *
     * @throws IllegalArgumentException when no release is given or there are more than
     *                                  {@link #MAX_EVALUATIONS} evaluations
     * @throws CertificateInputException when the chain is empty or a certificate cannot be read
     */
    public static TrustMatrix evaluate(
            SecTrust configuration, List<HostName> hosts, List<IosRelease> releases, List<? extends Cert> chain) {
        requireNonNull(configuration, "configuration");
        requireNonNull(chain, "chain");
        List<Optional<HostName>> rows = new ArrayList<>();
        for (HostName h : new LinkedHashSet<>(requireNonNull(hosts, "hosts"))) {
            rows.add(Optional.of(h));
        }
        if (rows.isEmpty()) {
            rows.add(Optional.empty());
        }
        List<IosRelease> columns = List.copyOf(new LinkedHashSet<>(requireNonNull(releases, "releases")));
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("at least one iOS release is required");
        }
        if ((long) rows.size() * columns.size() > MAX_EVALUATIONS) {
            throw new IllegalArgumentException(rows.size() + " hosts × " + columns.size() + " releases is more than "
                    + MAX_EVALUATIONS + " evaluations");
        }
        // one instant for every cell: without it each evaluation would take its own "now"
        Instant verifyTime = configuration.request(chain).verifyTime();
        SecTrust pinned = configuration.at(verifyTime);
        List<Cell> cells = new ArrayList<>(rows.size() * columns.size());
        for (Optional<HostName> host : rows) {
            SecTrust forHost = host.map(h -> pinned.forServer(h.value())).orElse(pinned);
            for (IosRelease release : columns) {
                cells.add(new Cell(host, release, forHost.forRelease(release).evaluate(chain)));
            }
        }
        return new TrustMatrix(rows, columns, cells);
    }

    /** The hosts evaluated, as given without repeats; one empty entry when none was given. */
    public List<Optional<HostName>> hosts() {
        return hosts;
    }

    /** The releases evaluated, as given without repeats. */
    public List<IosRelease> releases() {
        return releases;
    }

    /** Every evaluation: per host (as given), per release (as given). */
    public List<Cell> cells() {
        return cells;
    }

    /** The reports of {@link #cells()}, in the same order. */
    public List<TrustReport> reports() {
        return cells.stream().map(Cell::report).toList();
    }

    /** The report for one host and release, if both were evaluated. */
    public Optional<TrustReport> report(HostName host, IosRelease release) {
        return cells.stream()
                .filter(c -> c.host().equals(Optional.of(host)) && c.release().equals(release))
                .map(Cell::report)
                .findFirst();
    }

    /** True when every host is trusted on every release. */
    public boolean allTrusted() {
        return cells.stream().allMatch(c -> c.report().trusted());
    }

    /** For every host (as given), the releases where its verdict or error changes and why (ascending). */
    public List<VerdictChange> changes() {
        List<VerdictChange> out = new ArrayList<>();
        for (Optional<HostName> host : hosts) {
            out.addAll(changes(host));
        }
        return out;
    }

    /** The changes of one host's row ({@link #hosts()} element). */
    public List<VerdictChange> changes(Optional<HostName> host) {
        return VerdictChange.along(cells.stream()
                .filter(c -> c.host().equals(host))
                .map(Cell::report)
                .toList());
    }

    /**
     * The hosts the leaf does not name, as {@link HostName#value()}s in host order: those whose
     * {@code SSLHostname} check fails on at least one evaluated release (DNS names and IP literals alike).
     */
    public List<String> missingSanNames() {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (Cell c : cells) {
            if (c.host().isPresent()
                    && c.report().failures().stream().anyMatch(f -> f.code() == FindingCode.SSL_HOSTNAME)) {
                out.add(c.host().get().value());
            }
        }
        return List.copyOf(out);
    }

    /** The admin's report: notices, a table (name, release, verdict, error, fix), missing names, changes, details. */
    public String explain() {
        return MatrixReport.render(this);
    }
}
