package io.dockwarden.inventory.api;

import io.dockwarden.events.container.ContainerSnapshot;

/**
 * A container as last published.
 *
 * @param hostId the engine's host id
 * @param containerId full container id
 * @param name container name
 * @param status engine state
 * @param image the image reference it was created from
 * @param snapshot the full snapshot, as the events carry it
 */
record ContainerView(String hostId, String containerId, String name, String status, String image,
        ContainerSnapshot snapshot) {

    static ContainerView of(String hostId, ContainerSnapshot snapshot) {
        return new ContainerView(hostId, snapshot.id(), snapshot.name(), snapshot.status(), snapshot.image().ref(),
                snapshot);
    }
}
