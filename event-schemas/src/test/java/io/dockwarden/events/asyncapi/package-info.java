/** Tests that keep the AsyncAPI document and the README's topics table in step with the code. */
@NullMarked
package io.dockwarden.events.asyncapi;

import org.jspecify.annotations.NullMarked;
