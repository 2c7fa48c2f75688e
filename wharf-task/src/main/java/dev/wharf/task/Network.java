package dev.wharf.task;

/** A Docker network the run creates (or joins, with `skipCreation`). */
public record Network(
    String name,
    String driver,
    boolean ipv6,
    boolean skipCreation,
    boolean isDefault,
    Position position) {

  /** The network acb creates when a task declares none. */
  public static final String DEFAULT_NAME = "acb_default_network";
}
