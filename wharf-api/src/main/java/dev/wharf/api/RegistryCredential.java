package dev.wharf.api;

/** A login to another registry; the password never leaves the server once stored. */
public record RegistryCredential(String loginServer, String username, String password) {}
