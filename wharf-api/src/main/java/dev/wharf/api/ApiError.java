package dev.wharf.api;

/** The body of every refused request: what went wrong, in the caller's words. */
public record ApiError(String error) {}
