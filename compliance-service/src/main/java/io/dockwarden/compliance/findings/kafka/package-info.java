/**
 * The finding lifecycle on Kafka: the stream functions that feed it, the compacted state topic that keeps its state
 * across restarts and instances, partition ownership for scale-out, and the sweeps that re-evaluate without events.
 */
@NullMarked
package io.dockwarden.compliance.findings.kafka;

import org.jspecify.annotations.NullMarked;
