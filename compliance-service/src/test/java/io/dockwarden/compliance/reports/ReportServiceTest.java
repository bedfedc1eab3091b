package io.dockwarden.compliance.reports;

import static io.dockwarden.events.fixtures.EventFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.dockwarden.compliance.findings.SubjectState;
import io.dockwarden.compliance.findings.SubjectStates;
import io.dockwarden.events.report.ReportPublished;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ReportServiceTest {

    private final InMemoryArchive archive = new InMemoryArchive();
    private final List<ReportPublished> announced = new ArrayList<>();
    private final Anchor anchor = new Anchor();
    private final ReportService service = new ReportService(new Fleet(ReportFixtures.fleet()),
            () -> ReportFixtures.CATALOGUE, archive, anchor, announced::add, new ReportKeys("reports/"),
            Clock.fixed(T0, ZoneOffset.UTC), "test");

    @Test
    void archivesEveryFormatUnderADateBasedKeyAndAnnouncesIt() {
        ReportPublished report = service.generate(Report.ON_DEMAND);
        assertThat(report.reportId()).startsWith("20260302T081530000Z-");
        assertThat(report.objects()).extracting(ReportPublished.ArchivedObject::format)
                .containsExactly("json", "csv", "html", "sarif");
        for (ReportPublished.ArchivedObject object : report.objects()) {
            assertThat(object.key()).startsWith("reports/2026/03/02/" + report.reportId() + "/");
            assertThat(Hashes.sha256(archive.objects.get(object.key()))).isEqualTo(object.sha256());
            assertThat(object.sizeBytes()).isEqualTo(archive.objects.get(object.key()).length);
        }
        assertThat(report.sha256()).isEqualTo(report.objects().get(0).sha256());
        assertThat(report.previousSha256()).isNull();
        assertThat(announced).containsExactly(report);
        assertThat(anchor.head).isEqualTo(new ChainAnchor.ChainHead(report.reportId(), report.objects().get(0).key(),
                report.sha256()));
    }

    @Test
    void eachReportLinksToThePreviousAndTheChainVerifies() {
        ReportPublished first = service.generate(Report.SCHEDULED);
        ReportPublished second = service.generate(Report.SCHEDULED);
        ReportPublished third = service.generate(Report.ON_DEMAND);
        assertThat(second.previousSha256()).isEqualTo(first.sha256());
        assertThat(third.previousSha256()).isEqualTo(second.sha256());
        ChainVerification verification = service.verify();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.reportsChecked()).isEqualTo(3);
        assertThat(verification.newestReportId()).isEqualTo(third.reportId());
        assertThat(service.list()).extracting(ReportEntry::reportId)
                .containsExactly(third.reportId(), second.reportId(), first.reportId());
    }

    @Test
    void namesTheFirstBrokenLinkWhenAReportWasChanged() {
        ReportPublished first = service.generate(Report.SCHEDULED);
        ReportPublished second = service.generate(Report.SCHEDULED);
        service.generate(Report.SCHEDULED);
        String key = first.objects().get(0).key();
        archive.objects.put(key, new String(archive.objects.get(key), StandardCharsets.UTF_8)
                .replace("\"open\"", "\"opened\"").getBytes(StandardCharsets.UTF_8));
        ChainVerification verification = service.verify();
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBroken().reportId()).isEqualTo(second.reportId());
        assertThat(verification.firstBroken().linkedReportId()).isEqualTo(first.reportId());
        assertThat(verification.firstBroken().problem()).contains(first.reportId() + " hashes to");
    }

    @Test
    void detectsAChangedArtifact() {
        ReportPublished first = service.generate(Report.SCHEDULED);
        service.generate(Report.SCHEDULED);
        String csv = first.objects().get(1).key();
        archive.objects.put(csv, "report_id\r\n".getBytes(StandardCharsets.UTF_8));
        ChainVerification verification = service.verify();
        assertThat(verification.firstBroken().reportId()).isEqualTo(first.reportId());
        assertThat(verification.firstBroken().key()).isEqualTo(csv);
        assertThat(verification.firstBroken().problem()).contains("csv artifact hashes to");
    }

    @Test
    void detectsAChangedNewestReportThroughTheAnchor() {
        service.generate(Report.SCHEDULED);
        ReportPublished newest = service.generate(Report.SCHEDULED);
        String key = newest.objects().get(0).key();
        archive.objects.put(key, (new String(archive.objects.get(key), StandardCharsets.UTF_8) + " ")
                .getBytes(StandardCharsets.UTF_8));
        ChainVerification verification = service.verify();
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBroken().reportId()).isEqualTo(newest.reportId());
        assertThat(verification.firstBroken().problem()).contains("recorded when it was published");
    }

    @Test
    void detectsADeletedReportInTheMiddle() {
        service.generate(Report.SCHEDULED);
        ReportPublished middle = service.generate(Report.SCHEDULED);
        ReportPublished last = service.generate(Report.SCHEDULED);
        archive.objects.remove(middle.objects().get(0).key());
        ChainVerification verification = service.verify();
        assertThat(verification.firstBroken().reportId()).isEqualTo(last.reportId());
    }

    @Test
    void readsArchivedFormatsById() {
        ReportPublished report = service.generate(Report.ON_DEMAND);
        assertThat(service.read(report.reportId(), "html")).hasValueSatisfying(html ->
                assertThat(new String(html, StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html>"));
        assertThat(service.read(report.reportId(), "pdf")).isEmpty();
        assertThat(service.read("../../etc/passwd", "json")).isEmpty();
    }

    private static final class Fleet implements SubjectStates {

        private final List<SubjectState> states;

        Fleet(List<SubjectState> states) {
            this.states = states;
        }

        @Override
        public @Nullable SubjectState get(String key) {
            return states.stream().filter(state -> state.key().equals(key)).findFirst().orElse(null);
        }

        @Override
        public void save(SubjectState state) {
            throw new UnsupportedOperationException("reports only read");
        }

        @Override
        public void delete(String key) {
            throw new UnsupportedOperationException("reports only read");
        }

        @Override
        public Collection<SubjectState> all() {
            return states;
        }
    }

    private static final class Anchor implements ChainAnchor {

        private @Nullable ChainHead head;

        @Override
        public Optional<ChainHead> head() {
            return Optional.ofNullable(head);
        }

        @Override
        public void record(ChainHead head) {
            this.head = head;
        }
    }
}
