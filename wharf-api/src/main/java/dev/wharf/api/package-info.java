/**
 * The HTTP API of the Wharf server as the command line and agents see it: the JSON request and
 * response records, the one JSON mapping, and {@link dev.wharf.api.ServerClient}. Depends on
 * Jackson and the JDK only, so that no client needs the server's store.
 */
package dev.wharf.api;
