package io.dockwarden.compliance.reports;

import io.dockwarden.compliance.checks.Benchmarks;
import io.dockwarden.compliance.checks.CheckCatalogue;
import io.dockwarden.compliance.findings.SubjectStates;
import io.dockwarden.events.report.ReportPublished;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Generates, archives and announces reports. The other formats are archived before the JSON, which lists their
 * hashes and links to the previous report's JSON, so that a JSON object in the archive always has its artifacts and
 * the chain covers every object. One report at a time per instance.
 */
public final class ReportService {

    private final SubjectStates states;
    private final Supplier<CheckCatalogue> catalogue;
    private final ReportArchive archive;
    private final ChainAnchor anchor;
    private final ReportPublisher publisher;
    private final ReportKeys keys;
    private final Clock clock;
    private final JsonReportFormat json = new JsonReportFormat();
    private final List<ReportFormat> artifacts;
    private final Map<String, ReportFormat> formats = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();
    /** The newest report known to this instance, so that posture need not read the archive each time. */
    private volatile ReportBuilder.@Nullable Previous newest;

    public ReportService(SubjectStates states, Supplier<CheckCatalogue> catalogue, ReportArchive archive,
            ChainAnchor anchor, ReportPublisher publisher, ReportKeys keys, Clock clock, String toolVersion) {
        this.states = states;
        this.catalogue = catalogue;
        this.archive = archive;
        this.anchor = anchor;
        this.publisher = publisher;
        this.keys = keys;
        this.clock = clock;
        this.artifacts = List.of(new CsvReportFormat(), new HtmlReportFormat(), new SarifReportFormat(toolVersion));
        formats.put(json.name(), json);
        artifacts.forEach(format -> formats.put(format.name(), format));
    }

    /** Generates a report of the current posture, archives every format and announces it. */
    public synchronized ReportPublished generate(String trigger) {
        ReportBuilder.Previous previous = previous();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (previous != null) {
            // Key order is chain order: a report never sorts before the one it links to, whatever the clocks say.
            Instant previousTime = ReportKeys.timeOf(previous.reportId()).orElse(previous.generatedAt());
            if (!now.isAfter(previousTime)) {
                now = previousTime.plusMillis(1);
            }
        }
        byte[] randomBytes = new byte[3];
        random.nextBytes(randomBytes);
        String reportId = ReportKeys.newId(now, HexFormat.of().formatHex(randomBytes));
        Report report = ReportBuilder.build(reportId, now, trigger, states.all(), catalogue.get(), previous);

        List<Artifact> archived = new ArrayList<>();
        List<ReportPublished.ArchivedObject> objects = new ArrayList<>();
        for (ReportFormat format : artifacts) {
            byte[] content = format.render(report);
            String sha = Hashes.sha256(content);
            String key = keys.key(reportId, format);
            archive.write(key, content, format.contentType(), sha);
            archived.add(new Artifact(format.name(), key, sha, content.length));
            objects.add(new ReportPublished.ArchivedObject(format.name(), key, sha, content.length));
        }
        byte[] content = json.render(report.withArtifacts(archived));
        String sha = Hashes.sha256(content);
        String key = keys.jsonKey(reportId);
        archive.write(key, content, json.contentType(), sha);
        objects.add(0, new ReportPublished.ArchivedObject(json.name(), key, sha, content.length));
        anchor.record(new ChainAnchor.ChainHead(reportId, key, sha));

        ReportPublished event = new ReportPublished(reportId, now, trigger, Benchmarks.CIS_DOCKER_1_6_0,
                report.summary(), archive.location(), objects, sha, previous == null ? null : previous.sha256());
        newest = new ReportBuilder.Previous(reportId, sha, now);
        publisher.publish(event);
        return event;
    }

    /** The current posture, as a report that is neither archived nor chained. */
    public Report posture() {
        Instant now = clock.instant();
        ReportBuilder.Previous known = newest;
        if (known == null) {
            known = previousOrNull();
        }
        return ReportBuilder.build("posture", now, Report.ON_DEMAND, states.all(), catalogue.get(), known);
    }

    public List<ReportEntry> list() {
        List<ReportEntry> entries = new ArrayList<>();
        for (String key : archive.reportKeys()) {
            keys.reportIdOf(key).ifPresent(id -> {
                Map<String, String> byFormat = new LinkedHashMap<>();
                formats.values().forEach(format -> byFormat.put(format.name(), keys.key(id, format)));
                entries.add(new ReportEntry(id, ReportKeys.timeOf(id).orElseThrow(), byFormat));
            });
        }
        entries.sort((a, b) -> b.reportId().compareTo(a.reportId()));
        return entries;
    }

    /** An archived report in one format, if both exist. */
    public Optional<byte[]> read(String reportId, String format) {
        ReportFormat known = formats.get(format);
        if (known == null || !ReportKeys.isId(reportId)) {
            return Optional.empty();
        }
        return archive.read(keys.key(reportId, known));
    }

    public Optional<ReportFormat> format(String name) {
        return Optional.ofNullable(formats.get(name));
    }

    public ChainVerification verify() {
        return new ChainVerifier(archive, anchor, keys).verify(clock.instant());
    }

    private ReportBuilder.@Nullable Previous previous() {
        List<String> reportKeys = archive.reportKeys();
        if (reportKeys.isEmpty()) {
            return null;
        }
        String key = reportKeys.get(reportKeys.size() - 1);
        String reportId = keys.reportIdOf(key).orElseThrow();
        byte[] content = archive.read(key).orElseThrow(() -> new IllegalStateException(
                "the newest report " + key + " vanished while the next one was being generated"));
        JsonNode node = JsonReportFormat.MAPPER.readTree(content);
        Instant generatedAt = node.hasNonNull("generatedAt") ? Instant.parse(node.get("generatedAt").asString())
                : ReportKeys.timeOf(reportId).orElseThrow();
        ReportBuilder.Previous found = new ReportBuilder.Previous(reportId, Hashes.sha256(content), generatedAt);
        newest = found;
        return found;
    }

    private ReportBuilder.@Nullable Previous previousOrNull() {
        try {
            return previous();
        } catch (RuntimeException archiveUnavailable) {
            // Posture does not need the archive; without it, resolved findings are counted over their retention.
            return null;
        }
    }
}
