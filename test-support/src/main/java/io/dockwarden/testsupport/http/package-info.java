/** Test support: real HTTP receivers on loopback. */
@NullMarked
package io.dockwarden.testsupport.http;

import org.jspecify.annotations.NullMarked;
