/** The public event contract of Dockwarden: topics, CloudEvents types, their data records and the codec. */
@NullMarked
package io.dockwarden.events;

import org.jspecify.annotations.NullMarked;
