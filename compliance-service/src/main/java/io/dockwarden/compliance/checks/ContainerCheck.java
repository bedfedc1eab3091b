package io.dockwarden.compliance.checks;

/** A check over one container, its image and what is known of its engine. */
public non-sealed interface ContainerCheck extends Check {

    /** Decides the verdict from the facts alone: no I/O, no clock other than the context's. */
    Verdict evaluate(ContainerContext context);
}
