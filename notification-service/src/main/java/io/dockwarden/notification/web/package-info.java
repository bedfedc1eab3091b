/** REST endpoints for people and tools: silences, deliveries, alerts, the routing tree. */
@NullMarked
package io.dockwarden.notification.web;

import org.jspecify.annotations.NullMarked;
