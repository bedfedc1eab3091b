/** The Dockwarden backup service: streams Docker volumes to S3, restores them in one step and verifies them. */
@NullMarked
package io.dockwarden.backup;

import org.jspecify.annotations.NullMarked;
