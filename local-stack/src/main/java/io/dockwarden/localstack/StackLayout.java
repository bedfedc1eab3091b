package io.dockwarden.localstack;

import java.nio.file.Path;

/**
 * Where the stack's parts are: the checkout (service jars under {@code <module>/target}) and its data directory.
 *
 * @param home the checkout's root
 */
public record StackLayout(Path home) {

    public static StackLayout at(Path home) {
        return new StackLayout(home.toAbsolutePath().normalize());
    }

    public Path data() {
        return home.resolve(".dockwarden");
    }

    public Path logs() {
        return data().resolve("logs");
    }

    public Path serviceJar(String module) {
        return home.resolve(module).resolve("target").resolve(module + ".jar");
    }
}
