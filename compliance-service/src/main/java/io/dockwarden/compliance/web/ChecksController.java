package io.dockwarden.compliance.web;

import io.dockwarden.compliance.checks.Check;
import io.dockwarden.compliance.policy.PolicyHolder;
import io.dockwarden.compliance.reports.CheckDescription;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The checks in force: built-in benchmark checks and custom rules. */
@RestController
@RequestMapping("/api/checks")
class ChecksController {

    private final PolicyHolder policy;

    ChecksController(PolicyHolder policy) {
        this.policy = policy;
    }

    @GetMapping
    List<CheckDescription> checks(@RequestParam(required = false) @Nullable String target) {
        return policy.catalogue().all().stream()
                .filter(check -> target == null
                        || check.info().target().name().equalsIgnoreCase(target.strip()))
                .map(Check::info)
                .map(CheckDescription::of)
                .toList();
    }
}
