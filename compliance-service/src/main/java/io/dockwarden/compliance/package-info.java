/**
 * The compliance service: continuous CIS Docker Benchmark evaluation of what the inventory publishes, a finding
 * lifecycle other systems follow, waivers, and hash-chained reports.
 */
@NullMarked
package io.dockwarden.compliance;

import org.jspecify.annotations.NullMarked;
