/** The one-command local stack: real broker, real S3 server, the four services, data under {@code ./.dockwarden}. */
@NullMarked
package io.dockwarden.localstack;

import org.jspecify.annotations.NullMarked;
