package io.dockwarden.compliance.checks.cis;

import io.dockwarden.compliance.checks.ContainerContext;
import io.dockwarden.compliance.checks.Evidences;
import io.dockwarden.compliance.checks.Verdict;
import io.dockwarden.events.finding.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** 4.10 (manual): the image's environment carries no variable named like a secret. */
final class NoSecretsInImage extends CisContainerCheck {

    private static final List<String> MARKERS = List.of("PASS", "SECRET", "TOKEN", "KEY", "ACCESS");

    private final Set<String> allowList;

    NoSecretsInImage(Set<String> allowList) {
        super("4.10", "Ensure secrets are not stored in Dockerfiles", 1, false, Severity.HIGH,
                "Anything in an image's configuration is readable by everyone who can pull the image, for as long "
                        + "as the image exists.",
                "Remove secrets from ENV and ARG instructions; pass them at runtime through a secret store or "
                        + "mounted files (*_FILE variables).",
                "Fails when a name in the image's Config.Env contains PASS(WORD), SECRET, TOKEN, KEY or ACCESS, "
                        + "case-insensitively, except names on the allow-list (GPG_KEY, GPG_KEYS by default). "
                        + "Evidence names the variable, never its value: snapshots carry no values.");
        this.allowList = Set.copyOf(allowList);
    }

    @Override
    public Verdict evaluate(ContainerContext context) {
        List<String> suspicious = new ArrayList<>();
        for (String name : context.container().image().envNames()) {
            if (allowList.contains(name)) {
                continue;
            }
            String upper = name.toUpperCase(Locale.ROOT);
            for (String marker : MARKERS) {
                if (upper.contains(marker)) {
                    suspicious.add(name);
                    break;
                }
            }
        }
        return suspicious.isEmpty() ? Verdict.pass()
                : fail(Evidences.of("Image.Config.Env (names)", suspicious, "no secrets in the image"));
    }
}
