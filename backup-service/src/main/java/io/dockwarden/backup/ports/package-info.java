/** What the pipelines need from the Docker engine, the object store and the event stream, in their own terms. */
@NullMarked
package io.dockwarden.backup.ports;

import org.jspecify.annotations.NullMarked;
