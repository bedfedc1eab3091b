package io.dockwarden.backup.policy;

import io.dockwarden.backup.archive.ExcludeFilter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads backup policies from labels. A setting on the volume wins; otherwise the first container (by name) mounting
 * the volume that carries it decides. Stop, pause and hooks are per container: each labelled container that mounts the
 * volume is quiesced as its own labels say, and {@code stop-during-backup} on the volume stops every running container
 * that mounts it.
 */
public final class PolicyLabels {

    public static final String PREFIX = "dockwarden.backup.";
    public static final String ENABLED = PREFIX + "enabled";
    public static final String SCHEDULE = PREFIX + "schedule";
    public static final String RETENTION = PREFIX + "retention";
    public static final String STOP_DURING_BACKUP = PREFIX + "stop-during-backup";
    public static final String PRE_EXEC = PREFIX + "pre-exec";
    public static final String POST_EXEC = PREFIX + "post-exec";
    public static final String EXCLUDE = PREFIX + "exclude";

    private PolicyLabels() {
    }

    /**
     * Defaults for what the labels leave out.
     *
     * @param schedule cron expression of scheduled backups
     * @param retention retention policy
     */
    public record Defaults(String schedule, RetentionPolicy retention) {
    }

    /**
     * The policy of a volume.
     *
     * @throws InvalidPolicyException if a label cannot be read
     */
    public static BackupPolicy resolve(VolumeView volume, Defaults defaults) {
        List<MountingContainer> containers = new ArrayList<>(volume.mountedBy());
        containers.sort(Comparator.comparing(MountingContainer::name));

        boolean volumeEnabled = isTrue(volume.labels().get(ENABLED), ENABLED, "volume " + volume.name());
        Optional<MountingContainer> enabledContainer = containers.stream()
                .filter(c -> isTrue(c.labels().get(ENABLED), ENABLED, "container " + c.name()))
                .findFirst();
        String source = volumeEnabled ? "volume"
                : enabledContainer.map(c -> "container " + c.name()).orElse("defaults");

        String schedule = setting(volume, containers, SCHEDULE).orElse(defaults.schedule());
        RetentionPolicy retention = setting(volume, containers, RETENTION).map(text -> {
            try {
                return RetentionPolicy.parse(text);
            } catch (IllegalArgumentException e) {
                throw new InvalidPolicyException("label " + RETENTION + " of volume " + volume.name() + ": "
                        + e.getMessage());
            }
        }).orElse(defaults.retention());
        ExcludeFilter excludes = setting(volume, containers, EXCLUDE).map(text -> {
            try {
                return ExcludeFilter.parse(text);
            } catch (IllegalArgumentException e) {
                throw new InvalidPolicyException("label " + EXCLUDE + " of volume " + volume.name() + ": "
                        + e.getMessage());
            }
        }).orElse(ExcludeFilter.none());

        QuiesceMode volumeMode = mode(volume.labels().get(STOP_DURING_BACKUP), "volume " + volume.name());
        List<QuiesceTarget> quiesce = new ArrayList<>();
        for (MountingContainer container : containers) {
            QuiesceMode mode = mode(container.labels().get(STOP_DURING_BACKUP), "container " + container.name());
            if (mode == QuiesceMode.NONE) {
                mode = volumeMode;
            }
            String preExec = blankToNull(container.labels().get(PRE_EXEC));
            String postExec = blankToNull(container.labels().get(POST_EXEC));
            if (mode != QuiesceMode.NONE || preExec != null || postExec != null) {
                quiesce.add(new QuiesceTarget(container.id(), container.name(), mode, preExec, postExec,
                        container.running(), container.paused()));
            }
        }
        return new BackupPolicy(volume.name(), volumeEnabled || enabledContainer.isPresent(), schedule, retention,
                excludes, quiesce, source);
    }

    private static Optional<String> setting(VolumeView volume, List<MountingContainer> containers, String label) {
        String onVolume = blankToNull(volume.labels().get(label));
        if (onVolume != null) {
            return Optional.of(onVolume);
        }
        return containers.stream().map(c -> blankToNull(c.labels().get(label))).filter(v -> v != null).findFirst();
    }

    private static boolean isTrue(@Nullable String value, String label, String owner) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new InvalidPolicyException("label " + label + " of " + owner + " is '" + value
                    + "'; expected true or false");
        };
    }

    private static QuiesceMode mode(@Nullable String value, String owner) {
        if (value == null || value.isBlank()) {
            return QuiesceMode.NONE;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on", "stop" -> QuiesceMode.STOP;
            case "pause" -> QuiesceMode.PAUSE;
            case "false", "no", "0", "off" -> QuiesceMode.NONE;
            default -> throw new InvalidPolicyException("label " + STOP_DURING_BACKUP + " of " + owner + " is '"
                    + value + "'; expected true, false, stop or pause");
        };
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Whether any label of a volume or its containers concerns backups. */
    public static boolean mentionsBackup(Map<String, String> labels) {
        return labels.keySet().stream().anyMatch(key -> key.startsWith(PREFIX));
    }
}
