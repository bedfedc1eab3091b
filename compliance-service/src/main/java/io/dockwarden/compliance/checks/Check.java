package io.dockwarden.compliance.checks;

/** A named compliance check; its logic lives in {@link ContainerCheck} or {@link HostCheck}. */
public sealed interface Check permits ContainerCheck, HostCheck {

    CheckInfo info();

    default String id() {
        return info().id();
    }
}
