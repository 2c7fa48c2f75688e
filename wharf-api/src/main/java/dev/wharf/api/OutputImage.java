package dev.wharf.api;

/** An image a run pushed, with the digest the registry gave it. */
public record OutputImage(String registry, String repository, String tag, String digest) {}
