/** Compliance throughput: the service evaluating a backlog of container events against a plain relay. */
@NullMarked
package io.dockwarden.benchmarks.compliance;

import org.jspecify.annotations.NullMarked;
