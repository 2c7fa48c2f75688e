/**
 * Docker's languages as Wharf reads them, with no Docker and no I/O: build strings ({@link
 * dev.wharf.task.docker.BuildArgs}), cmd strings ({@link dev.wharf.task.docker.RunArgs}), build
 * contexts ({@link dev.wharf.task.docker.ContextSpec}), image references ({@link
 * dev.wharf.task.docker.ImageReference}) and Dockerfiles, scanned for the images a build depends on
 * ({@link dev.wharf.task.docker.DependencyScanner}). Every parse failure is a {@link
 * dev.wharf.task.docker.DockerParseException}.
 */
package dev.wharf.task.docker;
