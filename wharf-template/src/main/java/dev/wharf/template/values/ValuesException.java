package dev.wharf.template.values;

/** A values file or {@code --set} entry that cannot be read, with acb's message text. */
public final class ValuesException extends Exception {

  public ValuesException(String message) {
    super(message);
  }

  public ValuesException(String message, Throwable cause) {
    super(message, cause);
  }
}
