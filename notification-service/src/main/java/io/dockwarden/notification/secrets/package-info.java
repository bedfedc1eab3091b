/** Secrets that mask themselves, and the scrubbing of known secret values from text that leaves the service. */
@NullMarked
package io.dockwarden.notification.secrets;

import org.jspecify.annotations.NullMarked;
