/**
 * What every Dockwarden service does the same way on Kafka: publish events of the contract, decode and validate what
 * it consumes, retry failures with backoff and dead-letter what it cannot process, with the reason in headers.
 */
@NullMarked
package io.dockwarden.stream;

import org.jspecify.annotations.NullMarked;
