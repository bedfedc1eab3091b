package io.dockwarden.backup.policy;

import java.util.List;
import java.util.Map;

/**
 * A volume as policies see it: its labels and the containers that mount it.
 *
 * @param name volume name
 * @param driver volume driver
 * @param labels volume labels
 * @param mountedBy containers mounting it, in any state
 */
public record VolumeView(String name, String driver, Map<String, String> labels, List<MountingContainer> mountedBy) {

    public VolumeView {
        labels = Map.copyOf(labels);
        mountedBy = List.copyOf(mountedBy);
    }
}
