package io.dockwarden.backup.api;

import io.dockwarden.backup.catalog.BackupCatalog;
import io.dockwarden.backup.catalog.BackupManifest;
import io.dockwarden.backup.commands.CommandPublisher;
import io.dockwarden.backup.commands.Operations;
import io.dockwarden.backup.ports.VolumeEngine;
import io.dockwarden.backup.restores.RestoreMode;
import java.net.URI;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Restores: request one into a new volume or in place of an existing one, and follow it. */
@RestController
@RequestMapping("/api/restores")
class RestoresController {

    private final VolumeEngine engine;
    private final BackupCatalog catalog;
    private final CommandPublisher commands;
    private final Operations operations;

    RestoresController(VolumeEngine engine, BackupCatalog catalog, CommandPublisher commands, Operations operations) {
        this.engine = engine;
        this.catalog = catalog;
        this.commands = commands;
        this.operations = operations;
    }

    /**
     * A restore request.
     *
     * @param backupId the backup to restore
     * @param targetVolume the volume to restore into
     * @param mode {@code new} (create it) or {@code replace} (empty it first)
     */
    record RestoreBody(@Nullable String backupId, @Nullable String targetVolume, @Nullable String mode) {
    }

    @PostMapping
    ResponseEntity<BackupsController.Accepted> requestRestore(@RequestBody RestoreBody body) {
        if (body.backupId() == null || body.targetVolume() == null || body.targetVolume().isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "backupId and targetVolume are required");
        }
        RestoreMode mode;
        try {
            mode = RestoreMode.of(body.mode() == null ? "new" : body.mode());
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        String target = body.targetVolume().strip();
        if (!target.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]*")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "targetVolume is not a valid volume name");
        }
        BackupManifest manifest = catalog.find(body.backupId()).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "no backup " + body.backupId() + " (a backup without manifest does not exist)"));
        CommandPublisher.Published published = commands.requestRestore(manifest.backupId(), engine.hostId(), target,
                mode.label(), "api");
        String href = "/api/restores/" + published.id();
        return ResponseEntity.accepted().location(URI.create(href))
                .body(new BackupsController.Accepted(published.requestId(), published.id(), "requested", href));
    }

    @GetMapping("/{restoreId}")
    Map<String, Object> get(@PathVariable String restoreId) {
        return operations.find(restoreId).map(OperationsController::describe).orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no restore " + restoreId + " on this instance"));
    }
}
