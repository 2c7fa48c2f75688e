package dev.wharf.engine.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class ({@code *IT}) that runs against the real local Docker engine and registries;
 * tests receive a {@link LocalDocker}, a {@code ContainerEngine} or a {@code DockerClient}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("docker")
@ExtendWith(DockerExtension.class)
public @interface DockerTest {}
