package io.dockwarden.compliance.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dockwarden.compliance.reports.CheckVerdict;
import io.dockwarden.compliance.reports.ContainerReport;
import io.dockwarden.compliance.reports.HostReport;
import io.dockwarden.compliance.reports.Report;
import io.dockwarden.compliance.reports.ReportService;
import io.dockwarden.compliance.reports.Scores;
import io.dockwarden.compliance.reports.WaiverInForce;
import io.dockwarden.events.report.ReportPublished;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The fleet's posture now: what a report would say, without archiving one. */
@RestController
class PostureController {

    private final ReportService reports;

    PostureController(ReportService reports) {
        this.reports = reports;
    }

    @GetMapping("/api/posture")
    Posture posture() {
        Report report = reports.posture();
        List<HostPosture> hosts = new ArrayList<>();
        for (HostReport host : report.hosts()) {
            List<ContainerPosture> containers = new ArrayList<>();
            for (ContainerReport container : host.containers()) {
                containers.add(new ContainerPosture(container.containerId(), container.name(), container.image(),
                        container.scores(), count(container.checks(), CheckVerdict.FAIL),
                        count(container.checks(), CheckVerdict.WAIVED)));
            }
            hosts.add(new HostPosture(host.hostId(), host.name(), host.scores(),
                    count(host.hostChecks(), CheckVerdict.FAIL), containers));
        }
        return new Posture(report.generatedAt(), report.benchmark(), report.summary(), report.scores(), hosts,
                report.waivers());
    }

    private static int count(List<CheckVerdict> verdicts, String status) {
        return (int) verdicts.stream().filter(verdict -> verdict.status().equals(status)).count();
    }

    /**
     * The fleet's posture.
     *
     * @param at when it was computed
     * @param benchmark the benchmark
     * @param summary counts and scores as reports carry them
     * @param scores fleet scores with passed and scored counts
     * @param hosts hosts with their containers
     * @param waivers waivers in force
     */
    record Posture(Instant at, String benchmark, ReportPublished.Summary summary, Scores scores,
            List<HostPosture> hosts, List<WaiverInForce> waivers) {
    }

    /**
     * One host's posture.
     *
     * @param hostId host id
     * @param name engine host name
     * @param scores host scores (engine and containers)
     * @param failingHostChecks host checks failing
     * @param containers its containers
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record HostPosture(String hostId, @Nullable String name, Scores scores, int failingHostChecks,
            List<ContainerPosture> containers) {
    }

    /**
     * One container's posture.
     *
     * @param containerId container id
     * @param name container name
     * @param image image reference
     * @param scores container scores
     * @param failing checks failing
     * @param waived checks failing under a waiver
     */
    record ContainerPosture(String containerId, String name, String image, Scores scores, int failing, int waived) {
    }
}
