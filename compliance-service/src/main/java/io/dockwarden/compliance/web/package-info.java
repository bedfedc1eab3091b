/** The REST API for people and tools: checks, findings, posture and reports. */
@NullMarked
package io.dockwarden.compliance.web;

import org.jspecify.annotations.NullMarked;
