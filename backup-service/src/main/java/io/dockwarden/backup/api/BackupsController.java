package io.dockwarden.backup.api;

import io.dockwarden.backup.archive.ArchiveListing;
import io.dockwarden.backup.catalog.BackupCatalog;
import io.dockwarden.backup.catalog.BackupManifest;
import io.dockwarden.backup.commands.CommandPublisher;
import io.dockwarden.backup.commands.Operations;
import io.dockwarden.backup.ports.VolumeEngine;
import io.dockwarden.backup.restores.BackupReader;
import io.dockwarden.backup.restores.RestoreFailure;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Backups: request one (the answer carries its id; the outcome arrives as events), list them, read one, list its
 * entries, and request its verification.
 */
@RestController
@RequestMapping("/api/backups")
class BackupsController {

    private final VolumeEngine engine;
    private final BackupCatalog catalog;
    private final BackupReader reader;
    private final CommandPublisher commands;
    private final Operations operations;

    BackupsController(VolumeEngine engine, BackupCatalog catalog, BackupReader reader, CommandPublisher commands,
            Operations operations) {
        this.engine = engine;
        this.catalog = catalog;
        this.reader = reader;
        this.commands = commands;
        this.operations = operations;
    }

    /**
     * A backup request.
     *
     * @param volume the volume to back up
     * @param reason free text, shown in the events
     */
    record BackupBody(@Nullable String volume, @Nullable String reason) {
    }

    /**
     * The answer to a request.
     *
     * @param requestId the request's id
     * @param id the backup, restore or verification id
     * @param status {@code requested}
     * @param href where to follow it
     */
    record Accepted(String requestId, String id, String status, String href) {
    }

    /**
     * A backup in a listing.
     *
     * @param backupId its id
     * @param hostId the engine
     * @param volumeName the volume
     * @param trigger what started it
     * @param startedAt when it started
     * @param completedAt when it was stored
     * @param entries entries in the archive
     * @param tarBytes plain tar bytes
     * @param storedBytes stored bytes
     * @param compression compression
     * @param cipher cipher
     * @param keyId key id
     */
    record Summary(String backupId, String hostId, String volumeName, String trigger, Instant startedAt,
            Instant completedAt, long entries, long tarBytes, long storedBytes, String compression, String cipher,
            @Nullable String keyId) {

        static Summary of(BackupManifest manifest) {
            return new Summary(manifest.backupId(), manifest.hostId(), manifest.volumeName(), manifest.trigger(),
                    manifest.startedAt(), manifest.completedAt(), manifest.archive().entries(),
                    manifest.archive().tarBytes(), manifest.archive().storedBytes(),
                    manifest.compression().algorithm(), manifest.encryption().cipher(), manifest.encryption().keyId());
        }
    }

    @PostMapping
    ResponseEntity<Accepted> requestBackup(@RequestBody BackupBody body) {
        if (body.volume() == null || body.volume().isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "volume is required");
        }
        String volume = body.volume().strip();
        if (engine.inspect(volume).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "volume " + volume + " does not exist on this"
                    + " engine");
        }
        CommandPublisher.Published published = commands.requestBackup(engine.hostId(), volume, "api", body.reason());
        String href = "/api/backups/" + published.id();
        return ResponseEntity.accepted().location(URI.create(href))
                .body(new Accepted(published.requestId(), published.id(), "requested", href));
    }

    @GetMapping
    List<Summary> list(@RequestParam Optional<String> volume, @RequestParam Optional<String> host) {
        String hostId = host.orElseGet(engine::hostId);
        List<BackupManifest> manifests = volume.map(v -> catalog.ofVolume(hostId, v))
                .orElseGet(() -> host.filter("*"::equals).isPresent() ? catalog.all() : catalog.ofHost(hostId));
        return manifests.stream().map(Summary::of).toList();
    }

    @GetMapping("/{backupId}")
    Map<String, Object> get(@PathVariable String backupId) {
        Optional<BackupManifest> manifest = catalog.find(backupId);
        if (manifest.isPresent()) {
            return Map.of("status", "completed", "manifest", manifest.get());
        }
        Operations.Status status = operations.find(backupId).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "no backup " + backupId));
        return OperationsController.describe(status);
    }

    @GetMapping(value = "/{backupId}/entries", produces = "application/x-ndjson")
    ResponseEntity<StreamingResponseBody> entries(@PathVariable String backupId) {
        BackupManifest manifest = manifest(backupId);
        StreamingResponseBody body = out -> {
            try (BackupReader.Listing listing = reader.openListing(manifest);
                    ArchiveListing.LineWriter writer = new ArchiveListing.LineWriter(out)) {
                while (listing.entries().hasNext()) {
                    writer.accept(listing.entries().next());
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            } catch (RestoreFailure e) {
                throw new java.io.IOException(e.getMessage(), e);
            }
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-ndjson")).body(body);
    }

    @PostMapping("/{backupId}/verify")
    ResponseEntity<Accepted> verify(@PathVariable String backupId) {
        BackupManifest manifest = manifest(backupId);
        CommandPublisher.Published published = commands.requestVerification(backupId, manifest.hostId(),
                manifest.volumeName(), "api");
        String href = "/api/operations/" + published.id();
        return ResponseEntity.accepted().location(URI.create(href))
                .body(new Accepted(published.requestId(), published.id(), "requested", href));
    }

    private BackupManifest manifest(String backupId) {
        return catalog.find(backupId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no backup " + backupId + " (a backup without manifest does not exist)"));
    }
}
