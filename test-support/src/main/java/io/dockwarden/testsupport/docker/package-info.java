/** Test support: the real docker part. */
@NullMarked
package io.dockwarden.testsupport.docker;

import org.jspecify.annotations.NullMarked;
