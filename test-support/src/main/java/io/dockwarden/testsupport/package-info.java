/** Real parts for integration tests: a KRaft Kafka broker, an S3-compatible server and the Docker engine. */
@NullMarked
package io.dockwarden.testsupport;

import org.jspecify.annotations.NullMarked;
