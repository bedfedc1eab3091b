/** Framework-free codec between event records and Kafka records (key, CloudEvents headers, JSON value). */
@NullMarked
package io.dockwarden.events.codec;

import org.jspecify.annotations.NullMarked;
