/** Configuration of the service: its properties, secrets from files, the routing file source and the wiring. */
@NullMarked
package io.dockwarden.notification.config;

import org.jspecify.annotations.NullMarked;
