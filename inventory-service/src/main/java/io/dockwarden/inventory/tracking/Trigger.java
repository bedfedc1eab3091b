package io.dockwarden.inventory.tracking;

/** Why a container, volume or the engine is looked at again. */
sealed interface Trigger {

    /** The engine reported an action on it. */
    record Action(EngineAction action) implements Trigger {
    }

    /** A sync asks whether it differs from what was published. */
    record Reconcile(ReconcileMode mode) implements Trigger {
    }

    /** Something it depends on changed (a container mounting a volume, an image of a container). */
    record Refresh() implements Trigger {
    }
}
