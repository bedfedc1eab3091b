/** Notification texts rendered from Mustache templates, with defaults shipped and overrides per receiver. */
@NullMarked
package io.dockwarden.notification.templates;

import org.jspecify.annotations.NullMarked;
