/** Kafka: publishing until acknowledged, and reading back the state an earlier run recorded. */
@NullMarked
package io.dockwarden.inventory.publishing;

import org.jspecify.annotations.NullMarked;
