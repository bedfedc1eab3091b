package io.dockwarden.compliance.waivers;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a central waiver's selector is matched against.
 *
 * @param hostId the engine's host id
 * @param hostName the engine's host name, if known
 * @param containerName the container's name, absent for host-level findings
 * @param image the container's image reference, absent for host-level findings
 * @param labels the container's labels, empty for host-level findings
 */
public record WaiverSubject(String hostId, @Nullable String hostName, @Nullable String containerName,
        @Nullable String image, Map<String, String> labels) {

    public WaiverSubject {
        labels = Map.copyOf(labels);
    }

    public boolean isHost() {
        return containerName == null;
    }
}
