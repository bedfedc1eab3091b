/** Test support: the real s3 part. */
@NullMarked
package io.dockwarden.testsupport.s3;

import org.jspecify.annotations.NullMarked;
