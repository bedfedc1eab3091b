package io.dockwarden.compliance.checks;

import io.dockwarden.events.host.HostSnapshot;

/** A check over the engine's own configuration, from {@code /info} and {@code /version}. */
public non-sealed interface HostCheck extends Check {

    /** Decides the verdict from the engine facts alone. */
    Verdict evaluate(HostSnapshot host);
}
