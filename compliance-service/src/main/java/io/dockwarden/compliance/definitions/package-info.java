/**
 * Reading operator-written YAML (custom rules, central waivers) strictly: unknown keys, duplicate keys, wrong types
 * and bad values are reported with the file, the line and the reason. Only YAML's data model is read: no tags, no
 * object construction, no code.
 */
@NullMarked
package io.dockwarden.compliance.definitions;

import org.jspecify.annotations.NullMarked;
