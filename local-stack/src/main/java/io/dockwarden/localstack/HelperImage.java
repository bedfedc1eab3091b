package io.dockwarden.localstack;

import io.dockwarden.testsupport.docker.DockerEngine;

/**
 * The image of the backup service's helper containers. Where a registry is reachable any small image with a shell
 * does; here no registry is, so the stack makes one from the machine's static busybox, as the tests do.
 */
final class HelperImage {

    private HelperImage() {
    }

    static String ensure(DockerEngine engine) {
        return engine.ensureTestImage();
    }
}
