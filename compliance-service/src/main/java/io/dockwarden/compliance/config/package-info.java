/** Wiring that concerns the whole service: secrets read from files. */
@NullMarked
package io.dockwarden.compliance.config;

import org.jspecify.annotations.NullMarked;
