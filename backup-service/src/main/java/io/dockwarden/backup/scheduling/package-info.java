/** Follows volume policies (inventory events and engine scans) and turns cron schedules into commands. */
@NullMarked
package io.dockwarden.backup.scheduling;

import org.jspecify.annotations.NullMarked;
