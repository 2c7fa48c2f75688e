package dev.wharf.task;

/**
 * A secret available to templates as {@code {{.Secrets.<id>}}}, from Key Vault or an identity.
 *
 * <p>{@code aadResourceId} is only reachable under acb's hidden lowercase key {@code
 * aadresourceid}.
 */
public record Secret(
    String id, String keyvault, String clientID, String aadResourceId, Position position) {}
