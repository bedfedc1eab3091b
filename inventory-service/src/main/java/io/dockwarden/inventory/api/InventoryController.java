package io.dockwarden.inventory.api;

import io.dockwarden.events.container.ContainerSnapshot;
import io.dockwarden.events.volume.VolumeSnapshot;
import io.dockwarden.inventory.engine.EngineWatch;
import io.dockwarden.inventory.tracking.Inventory;
import io.dockwarden.inventory.tracking.InventoryObserver.SyncReport;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The current view: what the inventory last published, which is what every consumer of its events knows. */
@RestController
@RequestMapping("/api")
class InventoryController {

    private final EngineWatch watch;

    InventoryController(EngineWatch watch) {
        this.watch = watch;
    }

    /**
     * Containers, by name; filters combine.
     *
     * @param status only containers in this engine state (running, exited, ...)
     * @param label only containers with this label, {@code key} or {@code key=value}
     * @param name only containers whose name contains this
     */
    @GetMapping("/containers")
    List<ContainerView> containers(@RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String label,
            @RequestParam(required = false) @Nullable String name) {
        Inventory inventory = watch.inventory().orElse(null);
        if (inventory == null) {
            return List.of();
        }
        return inventory.containers().values().stream()
                .filter(snapshot -> status == null || snapshot.status().equals(status))
                .filter(snapshot -> label == null || hasLabel(snapshot, label))
                .filter(snapshot -> name == null || snapshot.name().contains(name))
                .sorted(Comparator.comparing(ContainerSnapshot::name))
                .map(snapshot -> ContainerView.of(inventory.hostId(), snapshot))
                .toList();
    }

    /** One container, by full id, unique id prefix or name. */
    @GetMapping("/containers/{idOrName}")
    ContainerView container(@PathVariable String idOrName) {
        Inventory inventory = watch.inventory()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no engine connected yet"));
        Map<String, ContainerSnapshot> containers = inventory.containers();
        ContainerSnapshot exact = containers.get(idOrName);
        if (exact != null) {
            return ContainerView.of(inventory.hostId(), exact);
        }
        List<ContainerSnapshot> matching = containers.values().stream()
                .filter(snapshot -> snapshot.name().equals(idOrName) || snapshot.id().startsWith(idOrName))
                .toList();
        if (matching.size() > 1) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "'" + idOrName + "' matches "
                    + matching.size() + " containers; use more of the id");
        }
        return matching.stream().findFirst().map(snapshot -> ContainerView.of(inventory.hostId(), snapshot))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "no container '" + idOrName + "'"));
    }

    /** Volumes with the containers that mount them, by name. */
    @GetMapping("/volumes")
    List<VolumeSnapshot> volumes() {
        return watch.inventory().map(inventory -> inventory.volumes().values().stream()
                .sorted(Comparator.comparing(VolumeSnapshot::name)).toList()).orElse(List.of());
    }

    /** The engines this service watches: one, with its connection state and its facts. */
    @GetMapping("/hosts")
    List<HostView> hosts() {
        return List.of(hostView());
    }

    @GetMapping("/hosts/{hostId}")
    HostView host(@PathVariable String hostId) {
        HostView view = hostView();
        if (!view.hostId().equals(hostId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "this inventory watches host " + view.hostId());
        }
        return view;
    }

    /** Compares the engine with what was published and publishes the differences now; answers when they are acked. */
    @PostMapping("/resync")
    CompletableFuture<SyncReport> resync() {
        Inventory inventory = watch.inventory()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                        "no engine connected yet"));
        if (!watch.connected()) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "the engine is not connected");
        }
        return inventory.resync();
    }

    private HostView hostView() {
        Inventory inventory = watch.inventory().orElse(null);
        if (inventory == null) {
            return new HostView(watch.engineId().orElse(""), watch.dockerHost(), watch.connected(),
                    watch.connectedSince().orElse(null), null, 0, 0, 0, null);
        }
        return new HostView(inventory.hostId(), watch.dockerHost(), watch.connected(),
                watch.connectedSince().orElse(null), inventory.lastActionReceivedAt().orElse(null),
                inventory.containers().size(), inventory.volumes().size(), inventory.pendingWork(),
                inventory.host().orElse(null));
    }

    private static boolean hasLabel(ContainerSnapshot snapshot, String label) {
        int equals = label.indexOf('=');
        if (equals < 0) {
            return snapshot.labels().containsKey(label);
        }
        return label.substring(equals + 1).equals(snapshot.labels().get(label.substring(0, equals)));
    }
}
