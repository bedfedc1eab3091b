/** Presigned, time-limited links to archived reports in S3. */
@NullMarked
package io.dockwarden.notification.digests.archive;

import org.jspecify.annotations.NullMarked;
