/** Backup throughput and memory: the backup service against restic and against {@code tar | zstd}. */
@NullMarked
package io.dockwarden.benchmarks.backup;

import org.jspecify.annotations.NullMarked;
