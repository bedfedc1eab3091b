package io.dockwarden.compliance.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Failures of the S3 archive or the broker are outages the caller can retry: 503 with what failed. */
@RestControllerAdvice
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler({io.dockwarden.stream.EventPublisher.PublishFailedException.class,
            io.dockwarden.compliance.reports.ArchiveUnavailableException.class})
    ProblemDetail unavailable(RuntimeException e) {
        log.warn("Request failed on a dependency: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("A dependency is unavailable");
        return problem;
    }
}
