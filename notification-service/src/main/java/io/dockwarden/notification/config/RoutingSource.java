package io.dockwarden.notification.config;

import io.dockwarden.notification.routing.RoutingConfig;
import io.dockwarden.notification.routing.RoutingFile;
import io.dockwarden.notification.routing.RoutingFileException;
import io.dockwarden.notification.templates.NotificationTemplates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routing file in force. It is checked for changes periodically (by content, so that a ConfigMap's symlink swap
 * counts too); a changed file that loads replaces the tree, and one that does not is rejected with file, line and
 * reason while the last good tree stays active. At start an invalid file stops the service, since there is no good
 * tree to keep.
 */
public final class RoutingSource {

    private static final Logger log = LoggerFactory.getLogger(RoutingSource.class);

    private final @Nullable Path file;
    private final Clock clock;
    private final List<Consumer<RoutingConfig>> listeners = new CopyOnWriteArrayList<>();
    private volatile RoutingConfig current;
    private volatile Status status;
    private byte @Nullable [] loadedDigest;

    /**
     * Where the routing comes from and how its last reload went.
     *
     * @param source the file, or {@code built-in}
     * @param loadedAt when the tree in force was loaded
     * @param lastError the last rejected version's problem ({@code file:line: reason}), if the file changed since
     * @param lastErrorAt when it was rejected
     */
    public record Status(String source, Instant loadedAt, @Nullable String lastError, @Nullable Instant lastErrorAt) {
    }

    public RoutingSource(@Nullable Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
        if (file == null) {
            current = RoutingConfig.builtIn();
        } else {
            try {
                loadedDigest = digest(Files.readAllBytes(file));
                current = RoutingFile.load(file, NotificationTemplates::check);
            } catch (IOException e) {
                throw new IllegalStateException("routing file " + file + " cannot be read: " + e, e);
            } catch (RoutingFileException e) {
                throw new IllegalStateException("routing file rejected: " + e.getMessage(), e);
            }
        }
        status = new Status(current.source(), clock.instant(), null, null);
        log.info("Routing from {}: {} receivers, {} routes, {} subscriptions", current.source(),
                current.receivers().size(), current.root().flatten().size(), current.subscriptions().size());
    }

    public RoutingConfig current() {
        return current;
    }

    public Status status() {
        return status;
    }

    public void onChange(Consumer<RoutingConfig> listener) {
        listeners.add(listener);
    }

    /**
     * Loads the file again if its content changed.
     *
     * @return whether a new tree took effect
     */
    public synchronized boolean reloadIfChanged() {
        if (file == null) {
            return false;
        }
        byte[] digest;
        try {
            digest = digest(Files.readAllBytes(file));
        } catch (IOException e) {
            reject(file + ": cannot be read (" + e.getClass().getSimpleName() + ")", null);
            return false;
        }
        if (Arrays.equals(digest, loadedDigest)) {
            return false;
        }
        try {
            RoutingConfig loaded = RoutingFile.load(file, NotificationTemplates::check);
            loadedDigest = digest;
            current = loaded;
            status = new Status(loaded.source(), clock.instant(), null, null);
            log.info("Routing file {} reloaded: {} receivers, {} routes, {} subscriptions", file,
                    loaded.receivers().size(), loaded.root().flatten().size(), loaded.subscriptions().size());
            listeners.forEach(listener -> listener.accept(loaded));
            return true;
        } catch (RoutingFileException e) {
            reject(e.getMessage(), digest);
            return false;
        }
    }

    private void reject(String problem, byte @Nullable [] digest) {
        if (problem.equals(status.lastError())) {
            return;
        }
        log.error("Routing file rejected, the last good tree stays active: {}", problem);
        status = new Status(status.source(), status.loadedAt(), problem, clock.instant());
        if (digest != null) {
            // Not loaded, but not worth reporting again until it changes once more.
            loadedDigest = digest;
        }
    }

    private static byte[] digest(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
