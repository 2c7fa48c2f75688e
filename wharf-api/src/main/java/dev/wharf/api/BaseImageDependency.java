package dev.wharf.api;

/** A base image a build step used, {@code type} being {@code BuildTime} or {@code RunTime}. */
public record BaseImageDependency(
    String registry, String repository, String tag, String digest, String type) {}
