/**
 * The routing tree with Alertmanager semantics, its receivers and subscriptions, and the YAML file that defines them.
 */
@NullMarked
package io.dockwarden.notification.routing;

import org.jspecify.annotations.NullMarked;
