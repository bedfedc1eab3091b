/** Tests of the JSON Schema files: their form, their agreement with the records, their compatibility. */
@NullMarked
package io.dockwarden.events.schema;

import org.jspecify.annotations.NullMarked;
