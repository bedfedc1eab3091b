package io.dockwarden.testsupport.docker;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The policy behind {@link RequiresDocker}. */
public final class DockerEngineExtension implements BeforeAllCallback, AfterAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        DockerEngine engine = DockerEngine.local();
        if (!engine.reachable()) {
            String message = "no Docker engine answers at " + engine.dockerHost()
                    + " (start dockerd, or set DOCKER_HOST)";
            if ("true".equalsIgnoreCase(DockerEngine.ci())) {
                throw new IllegalStateException(message + "; with CI=true a missing engine is a failure");
            }
            Assumptions.abort(message + "; skipping Docker tests outside CI");
        }
        engine.ensureTestImage();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        DockerEngine engine = DockerEngine.local();
        if (engine.reachable()) {
            engine.removeTestResources();
        }
    }
}
