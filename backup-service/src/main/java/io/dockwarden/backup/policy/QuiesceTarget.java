package io.dockwarden.backup.policy;

import org.jspecify.annotations.Nullable;

/**
 * A container to quiesce around a backup, as its labels ask.
 *
 * @param containerId full container id
 * @param containerName its name
 * @param mode stop, pause or neither
 * @param preExec command run in it (by {@code sh -c}) before the read, such as a database dump
 * @param postExec command run in it after the read, also when the backup failed
 * @param running whether it ran when the policy was read
 * @param paused whether it was paused then
 */
public record QuiesceTarget(String containerId, String containerName, QuiesceMode mode, @Nullable String preExec,
        @Nullable String postExec, boolean running, boolean paused) {
}
