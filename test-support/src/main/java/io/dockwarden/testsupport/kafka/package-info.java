/** Test support: the real kafka part. */
@NullMarked
package io.dockwarden.testsupport.kafka;

import org.jspecify.annotations.NullMarked;
