package io.dockwarden.testsupport.docker;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that needs the local Docker engine. With {@code CI=true} a missing engine fails the class;
 * elsewhere it skips it with a message saying how to get one. Containers and volumes the tests labelled as their own
 * are removed after the class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(DockerEngineExtension.class)
public @interface RequiresDocker {
}
