package io.dockwarden.localstack;

import java.nio.file.Path;

/**
 * Where the stack's parts are: the checkout (service jars under {@code <module>/target}) and a data directory for
 * logs and state.
 *
 * @param home the checkout's root
 * @param data where data and logs go ({@code ./.dockwarden} for the local stack)
 */
public record StackLayout(Path home, Path data) {

    public static StackLayout at(Path home) {
        Path root = home.toAbsolutePath().normalize();
        return new StackLayout(root, root.resolve(".dockwarden"));
    }

    public Path logs() {
        return data.resolve("logs");
    }

    public Path serviceJar(String module) {
        return home.resolve(module).resolve("target").resolve(module + ".jar");
    }
}
