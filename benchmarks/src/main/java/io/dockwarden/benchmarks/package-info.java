/**
 * Benchmarks against the physical limit and a peer, each figure with its baseline measured in the same run:
 * {@code java -jar benchmarks/target/benchmarks.jar all}.
 */
@NullMarked
package io.dockwarden.benchmarks;

import org.jspecify.annotations.NullMarked;
