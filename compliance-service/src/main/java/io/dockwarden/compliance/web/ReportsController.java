package io.dockwarden.compliance.web;

import io.dockwarden.compliance.reports.ChainVerification;
import io.dockwarden.compliance.reports.Report;
import io.dockwarden.compliance.reports.ReportEntry;
import io.dockwarden.compliance.reports.ReportFormat;
import io.dockwarden.compliance.reports.ReportService;
import io.dockwarden.events.report.ReportPublished;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Archived reports: generate one now, list them, fetch one in any format, verify the hash chain. */
@RestController
@RequestMapping("/api/reports")
class ReportsController {

    private final ReportService reports;
    private final MeterRegistry registry;

    ReportsController(ReportService reports, MeterRegistry registry) {
        this.reports = reports;
        this.registry = registry;
    }

    @PostMapping
    ResponseEntity<ReportPublished> generate() {
        ReportPublished report = reports.generate(Report.ON_DEMAND);
        registry.counter("dockwarden.compliance.reports", "trigger", Report.ON_DEMAND, "outcome", "archived")
                .increment();
        return ResponseEntity.created(URI.create("/api/reports/" + report.reportId())).body(report);
    }

    @GetMapping
    List<ReportEntry> list() {
        return reports.list();
    }

    @GetMapping("/verify")
    ChainVerification verify() {
        return reports.verify();
    }

    @GetMapping("/{reportId}")
    ResponseEntity<byte[]> report(@PathVariable String reportId,
            @RequestParam(defaultValue = "json") String format) {
        ReportFormat known = reports.format(format).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.BAD_REQUEST, "format must be json, csv, html or sarif"));
        byte[] content = reports.read(reportId, format).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "no report " + reportId));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(known.contentType()));
        if (!format.equals("html") && !format.equals("json")) {
            headers.setContentDisposition(org.springframework.http.ContentDisposition.attachment()
                    .filename(reportId + "." + format).build());
        }
        return new ResponseEntity<>(content, headers, HttpStatus.OK);
    }
}
