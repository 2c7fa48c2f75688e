package dev.wharf.api;

/** How one step of a run ended and how long it took. */
public record StepTiming(String id, String status, double seconds) {}
