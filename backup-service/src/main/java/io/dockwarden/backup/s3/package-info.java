/** The S3 adapter: streaming multipart uploads, orphan upload cleanup and the store's health. */
@NullMarked
package io.dockwarden.backup.s3;

import org.jspecify.annotations.NullMarked;
