package io.dockwarden.inventory.tracking;

/** How a sync treats what it finds. */
public enum ReconcileMode {

    /** A full sync: every container, volume and the engine are published as observed, changed or not. */
    OBSERVE_ALL,

    /** A resync: only what differs from what was published is published (created, changed, removed). */
    DIFFERENCES
}
