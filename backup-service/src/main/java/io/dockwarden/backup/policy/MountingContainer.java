package io.dockwarden.backup.policy;

import java.util.Map;

/**
 * A container that mounts a volume, in any state.
 *
 * @param id full container id
 * @param name container name, without the leading slash
 * @param running whether it runs (paused containers run too)
 * @param paused whether it is paused
 * @param labels its labels, where backup policies may sit
 */
public record MountingContainer(String id, String name, boolean running, boolean paused, Map<String, String> labels) {

    public MountingContainer {
        labels = Map.copyOf(labels);
    }
}
