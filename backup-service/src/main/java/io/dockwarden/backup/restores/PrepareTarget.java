package io.dockwarden.backup.restores;

import io.dockwarden.backup.policy.MountingContainer;
import io.dockwarden.backup.policy.PolicyLabels;
import io.dockwarden.backup.policy.QuiesceMode;
import io.dockwarden.backup.policy.VolumeView;
import io.dockwarden.backup.ports.Retrying;
import io.dockwarden.backup.ports.VolumeEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Gets the target volume ready, only once the backup has been authenticated: {@code new} creates it (and fails if it
 * exists); {@code replace} stops the running containers that mount it and are labelled
 * {@code dockwarden.backup.stop-during-backup}, refuses if any other running container mounts it, and empties it.
 */
public final class PrepareTarget {

    private final VolumeEngine engine;
    private final Retrying retrying;

    public PrepareTarget(VolumeEngine engine, Retrying retrying) {
        this.engine = engine;
        this.retrying = retrying;
    }

    /**
     * A prepared target.
     *
     * @param created whether the volume was created for the restore (and is removed if the restore fails)
     * @param stopped containers stopped, to start again afterwards
     */
    public record Prepared(boolean created, List<MountingContainer> stopped) {
    }

    /** Fails early, before any download, when the target cannot take the restore as asked. */
    public void check(String volumeName, RestoreMode mode) {
        Optional<VolumeView> existing = inspect(volumeName);
        if (mode == RestoreMode.NEW && existing.isPresent()) {
            throw new RestoreFailure(RestoreStep.PREPARE, "volume " + volumeName + " already exists; mode new"
                    + " creates the volume, use mode replace to overwrite it", false);
        }
        if (mode == RestoreMode.REPLACE && existing.isPresent()) {
            blockers(existing.get());
        }
    }

    public Prepared prepare(String volumeName, RestoreMode mode, Map<String, String> labels) {
        Optional<VolumeView> existing = inspect(volumeName);
        if (existing.isEmpty()) {
            call("creating volume " + volumeName, () -> engine.createVolume(volumeName, labels));
            return new Prepared(true, List.of());
        }
        if (mode == RestoreMode.NEW) {
            throw new RestoreFailure(RestoreStep.PREPARE, "volume " + volumeName + " already exists; mode new"
                    + " creates the volume, use mode replace to overwrite it", false);
        }
        List<MountingContainer> toStop = blockers(existing.get());
        List<MountingContainer> stopped = new ArrayList<>();
        try {
            for (MountingContainer container : toStop) {
                call("stopping " + container.name(), () -> engine.stopContainer(container.id()));
                stopped.add(container);
            }
            call("emptying volume " + volumeName, () -> engine.emptyVolume(volumeName));
        } catch (RestoreFailure failure) {
            restart(stopped);
            throw failure;
        }
        return new Prepared(false, stopped);
    }

    /** Starts the containers stopped for the restore; returns what could not be started. */
    public List<String> restart(List<MountingContainer> stopped) {
        List<String> problems = new ArrayList<>();
        for (MountingContainer container : stopped) {
            try {
                retrying.run("starting " + container.name(), () -> engine.startContainer(container.id()));
            } catch (RuntimeException e) {
                problems.add("container " + container.name() + " could not be started again: " + e.getMessage());
            }
        }
        return problems;
    }

    /** The running containers to stop; fails if a running container may not be stopped. */
    private List<MountingContainer> blockers(VolumeView volume) {
        List<MountingContainer> toStop = new ArrayList<>();
        List<String> refusing = new ArrayList<>();
        for (MountingContainer container : volume.mountedBy()) {
            if (!container.running()) {
                continue;
            }
            String label = container.labels().getOrDefault(PolicyLabels.STOP_DURING_BACKUP, "")
                    .strip().toLowerCase(Locale.ROOT);
            boolean mayStop = label.equals("true") || label.equals("stop") || label.equals("yes")
                    || label.equals("1") || label.equals("on") || label.equals(QuiesceMode.PAUSE.name()
                    .toLowerCase(Locale.ROOT));
            if (mayStop) {
                toStop.add(container);
            } else {
                refusing.add(container.name());
            }
        }
        if (!refusing.isEmpty()) {
            throw new RestoreFailure(RestoreStep.PREPARE, "volume " + volume.name() + " is mounted by running"
                    + " container(s) " + String.join(", ", refusing) + " that are not labelled "
                    + PolicyLabels.STOP_DURING_BACKUP + "; stop them before replacing the volume", false);
        }
        return toStop;
    }

    private Optional<VolumeView> inspect(String volumeName) {
        try {
            return retrying.call("inspecting volume " + volumeName, () -> engine.inspect(volumeName));
        } catch (RuntimeException e) {
            throw new RestoreFailure(RestoreStep.PREPARE, "inspecting volume " + volumeName + " failed: "
                    + e.getMessage(), Retrying.isRetryable(e), e);
        }
    }

    private void call(String what, Runnable action) {
        try {
            retrying.run(what, action);
        } catch (RuntimeException e) {
            throw new RestoreFailure(RestoreStep.PREPARE, what + " failed: " + e.getMessage(),
                    Retrying.isRetryable(e), e);
        }
    }
}
