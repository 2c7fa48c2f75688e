package dev.wharf.api;

/** The answer to {@code POST /api/v1/uploads}: the id a run names as its context. */
public record Upload(String upload) {}
